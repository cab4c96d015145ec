/**
 * `npm start`: the local preview on http://localhost:4400/ with the sample project.
 *
 *   npm start -- [--port N] [--fresh] [--no-build]
 *
 * Exit codes: 0 after Ctrl-C; 2 for a usage error or when the port is taken.
 */
import { findRoot } from './build-static';
import { startLocalPreview } from './local';
import { DEFAULT_PORT, PortInUseError } from './server';

const USAGE = 'usage: npm start -- [--port N] [--fresh] [--no-build]';

export interface StartArgs {
  port: number;
  fresh: boolean;
  build: boolean;
}

export function parseStartArgs(argv: string[]): StartArgs | string {
  const args: StartArgs = { port: DEFAULT_PORT, fresh: false, build: true };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const [name, inline] = flag.startsWith('--port=') ? ['--port', flag.slice(7)] : [flag, undefined];
    if (name === '--port') {
      const text = inline ?? argv[++i];
      const port = Number(text);
      if (text === undefined || !/^\d+$/.test(text) || port < 1 || port > 65535) return `--port needs a port number from 1 to 65535. ${USAGE}`;
      args.port = port;
    } else if (name === '--fresh') args.fresh = true;
    else if (name === '--no-build') args.build = false;
    else if (name === '--help' || name === '-h') return USAGE;
    else return `Unknown option ${name}. ${USAGE}`;
  }
  return args;
}

async function main(): Promise<number> {
  const args = parseStartArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    const help = args === USAGE;
    (help ? process.stdout : process.stderr).write(`${args}\n`);
    return help ? 0 : 2;
  }
  const say = (line: string) => process.stdout.write(`${line}\n`);
  let preview;
  try {
    preview = await startLocalPreview({ root: findRoot(), port: args.port, fresh: args.fresh, build: args.build, log: say });
  } catch (error) {
    if (error instanceof PortInUseError) {
      process.stderr.write(`story-health preview: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  say('');
  say(`Story Health preview: ${preview.url}`);
  say(`  Jira emulator ${preview.emulatorUrl} with the sample project; changes are kept in ${preview.workDir} (npm start -- --fresh starts over).`);
  say('  Ctrl-C stops it.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await preview.close();
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`story-health preview: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
