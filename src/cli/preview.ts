/**
 * `story-health preview --site URL --email E --token T [--allow-writes] [--project KEY] [--port N]`
 *
 * The preview host (the three apps with the real resolvers) pointed at a real Jira Cloud site, as
 * the token's owner. Read-only unless --allow-writes: a resolver that would change an issue is
 * refused with an error naming the flag, and no write request leaves this machine. App storage
 * (settings) is kept locally under .story-health/sites/<host>/. There is no emulator in this mode.
 */
import * as path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { runScanChunk, type ScanEvent } from '../app/scan';
import type { Deps } from '../app/ports';
import { isJiraError } from '../jira';
import { builtDirs, ensureStaticBuilt, findRoot } from '../preview/host/build-static';
import { siteBackend } from '../preview/host/site-backend';
import { checkPortFree, DEFAULT_PORT, PortInUseError, startPreviewServer } from '../preview/host/server';
import { createInProcessQueue } from '../preview/queue/in-process';
import { createFileStore } from '../preview/store/file-store';

export interface PreviewOptions {
  site: string;
  /** Falls back to the JIRA_EMAIL environment variable. */
  email?: string;
  /** Falls back to the JIRA_API_TOKEN environment variable. */
  token?: string;
  allowWrites?: boolean;
  project?: string;
  port?: number;
}

export interface PreviewIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env?: Readonly<Record<string, string | undefined>>;
  cwd?: string;
  /** Resolves when the preview should stop (default: Ctrl-C / SIGTERM). */
  untilStopped?: () => Promise<void>;
}

const waitForSignal = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });

/** Returns the exit code: 0 after a clean stop, 2 for bad options, an unreachable site or a taken port. */
export async function runPreview(options: PreviewOptions, io: PreviewIO): Promise<number> {
  const env = io.env ?? process.env;
  const email = options.email ?? env.JIRA_EMAIL;
  if (!email) {
    io.stderr('story-health preview: your Atlassian account email is needed: --email E or the JIRA_EMAIL environment variable.\n');
    return 2;
  }
  const token = options.token ?? env.JIRA_API_TOKEN;
  if (!token) {
    io.stderr('story-health preview: an API token is needed: --token T or the JIRA_API_TOKEN environment variable.\n');
    return 2;
  }
  if (options.project !== undefined && !/^[A-Z][A-Z0-9_]+$/.test(options.project)) {
    io.stderr(`story-health preview: --project must be a project key such as FOOD (got ${JSON.stringify(options.project)}).\n`);
    return 2;
  }

  const port = options.port ?? DEFAULT_PORT;
  try {
    await checkPortFree(port);
  } catch (error) {
    io.stderr(`story-health preview: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }

  const root = findRoot();
  try {
    await ensureStaticBuilt({ root, log: (line) => io.stdout(`${line}\n`) });
  } catch (error) {
    io.stderr(`story-health preview: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }

  let backend;
  try {
    backend = await siteBackend({
      site: options.site,
      email,
      apiToken: token,
      allowWrites: options.allowWrites === true,
      ...(options.project ? { project: options.project } : {}),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = isJiraError(error) && error.code === 'unauthorized' ? ' Check the email and the API token.' : '';
    io.stderr(`story-health preview: cannot use ${options.site}: ${message}${hint}\n`);
    return 2;
  }

  const host = new URL(options.site).hostname;
  const store = await createFileStore(path.join(io.cwd ?? process.cwd(), '.story-health', 'sites', host, 'app-storage.json'));
  const queue = createInProcessQueue({ onError: (error) => io.stderr(`story-health preview: scan failed: ${error instanceof Error ? error.message : String(error)}\n`) });
  const consumerDeps: Deps = { asUser: () => backend.asApp(), asApp: () => backend.asApp(), store, queue, now: () => new Date() };
  queue.register((event) => runScanChunk(event as unknown as ScanEvent, consumerDeps));

  let server;
  try {
    server = await startPreviewServer({
      backend,
      store,
      queue,
      ...builtDirs(root),
      port,
      log: (line) => io.stdout(`${line}\n`),
    });
  } catch (error) {
    if (error instanceof PortInUseError) {
      io.stderr(`story-health preview: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  io.stdout(`Story Health preview: ${server.url}\n`);
  io.stdout(`  Jira: ${backend.description} as ${backend.users[0]?.displayName}; ${backend.readOnlyReason ? `read-only (${backend.readOnlyReason})` : 'writes allowed'}.\n`);
  io.stdout('  Ctrl-C stops it.\n');
  await (io.untilStopped ?? waitForSignal)();
  await server.close();
  await queue.idle();
  await store.flush();
  await backend.close();
  return 0;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new InvalidArgumentError('expected a port number from 1 to 65535.');
  return port;
}

/** Adds `story-health preview` to the CLI; `done` receives the exit code. */
export function addPreviewCommand(program: Command, io: PreviewIO, done: (code: number) => void): Command {
  return program
    .command('preview')
    .description('the Jira apps (issue panel, settings, report page) with their real resolvers on localhost, against a Jira Cloud site')
    .requiredOption('--site <url>', 'the Jira Cloud site (https://your-site.atlassian.net)')
    .option('--email <email>', 'your Atlassian account email (default: $JIRA_EMAIL)')
    .option('--token <token>', 'an Atlassian API token (default: $JIRA_API_TOKEN)')
    .option('--allow-writes', 'let the apps change issues (Apply, Undo, Create); read-only without it')
    .option('--project <key>', 'show only this project')
    .option('--port <n>', `port on localhost (default ${DEFAULT_PORT})`, parsePort)
    .showHelpAfterError('(run story-health preview --help for usage)')
    .addHelpText(
      'after',
      '\nExample:\n' +
        '  JIRA_API_TOKEN=… story-health preview --site https://acme.atlassian.net --email me@acme.com --project SHOP\n\n' +
        'You act as the token\'s owner (also for what the app does as itself). Settings are kept in\n' +
        '.story-health/sites/<host>/ on this machine. For the sample project with no site, run npm start.\n' +
        'Exit codes: 0 after Ctrl-C; 2 usage error, the site refused, or the port is taken.',
    )
    .action(async (options: PreviewOptions) => {
      done(await runPreview(options, io));
    });
}
