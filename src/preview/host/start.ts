/**
 * `npm start`: the local preview on http://localhost:4400/ with the sample project.
 *
 *   npm start -- [--port N] [--fresh] [--no-build] [--work-dir DIR]
 *
 * Exit codes: 0 after Ctrl-C; 2 for a usage error or when the port is taken.
 */
import * as path from 'node:path';
import { findRoot } from './build-static';
import { startLocalPreview } from './local';
import { DEFAULT_PORT, PortInUseError } from './server';

export const START_USAGE = 'usage: npm start -- [--port N] [--fresh] [--no-build] [--work-dir DIR]';

export interface StartArgs {
  port: number;
  fresh: boolean;
  build: boolean;
  workDir?: string;
}

export function parseStartArgs(argv: string[]): StartArgs | { message: string; code: number } {
  const args: StartArgs = { port: DEFAULT_PORT, fresh: false, build: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const eq = flag.indexOf('=');
    const name = flag.startsWith('--') && eq > 0 ? flag.slice(0, eq) : flag;
    const value = () => (eq > 0 && flag.startsWith('--') ? flag.slice(eq + 1) : argv[++i]);
    if (name === '--port') {
      const text = value();
      const port = Number(text);
      if (text === undefined || !/^\d+$/.test(text) || port < 1 || port > 65535) return { message: `--port needs a port number from 1 to 65535. ${START_USAGE}`, code: 2 };
      args.port = port;
    } else if (name === '--work-dir') {
      const dir = value();
      if (!dir) return { message: `--work-dir needs a folder. ${START_USAGE}`, code: 2 };
      args.workDir = path.resolve(dir);
    } else if (name === '--fresh') args.fresh = true;
    else if (name === '--no-build') args.build = false;
    else if (name === '--help' || name === '-h') return { message: START_USAGE, code: 0 };
    else return { message: `Unknown option ${name}. ${START_USAGE}`, code: 2 };
  }
  return args;
}

export interface StartIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Resolves when the preview should stop (default: Ctrl-C / SIGTERM). */
  untilStopped?: () => Promise<void>;
}

export async function runStart(argv: string[], io: StartIO): Promise<number> {
  const args = parseStartArgs(argv);
  if ('message' in args) {
    (args.code === 0 ? io.stdout : io.stderr)(`${args.message}\n`);
    return args.code;
  }
  const say = (line: string) => io.stdout(`${line}\n`);
  let preview;
  try {
    preview = await startLocalPreview({
      root: findRoot(),
      port: args.port,
      fresh: args.fresh,
      build: args.build,
      log: say,
      ...(args.workDir ? { workDir: args.workDir } : {}),
    });
  } catch (error) {
    if (error instanceof PortInUseError) {
      io.stderr(`story-health preview: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  say('');
  say(`Story Health preview: ${preview.url}`);
  say(`  Jira emulator ${preview.emulatorUrl} with the sample project; changes are kept in ${preview.workDir} (npm start -- --fresh starts over).`);
  say('  Ctrl-C stops it.');
  await (io.untilStopped ??
    (() =>
      new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      })))();
  await preview.close();
  return 0;
}

if (require.main === module) {
  runStart(process.argv.slice(2), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`story-health preview: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
