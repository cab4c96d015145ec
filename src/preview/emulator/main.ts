/**
 * Runs the Jira emulator on its own:
 *
 *   npx tsx src/preview/emulator/main.ts [--project file] [--working-copy file] [--port 0] [--host 127.0.0.1] [--reset] [--delay-ms n] [--write-behind]
 *
 * Prints the URL, then serves until Ctrl-C. Edits go to the working copy (default
 * .story-health/emulator/working-copy.json), never to the project file.
 */
import path from 'node:path';
import { createEmulator } from './emulator';

interface Args {
  project: string;
  workingCopy: string;
  port: number;
  host: string;
  reset: boolean;
  /** Every answer waits this long (simulated network and Jira latency). */
  delayMs: number;
  /** Answer before the working copy is written (large benchmark projects). */
  writeBehind: boolean;
}

const USAGE = 'usage: main.ts [--project file] [--working-copy file] [--port n] [--host address] [--reset] [--delay-ms n] [--write-behind]';

function parseArgs(argv: string[]): Args {
  const args: Args = {
    project: path.join(__dirname, '..', 'sample', 'project.json'),
    workingCopy: path.join(process.cwd(), '.story-health', 'emulator', 'working-copy.json'),
    port: 0,
    host: '127.0.0.1',
    reset: false,
    delayMs: 0,
    writeBehind: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value. ${USAGE}`);
      return v;
    };
    if (flag === '--project') args.project = path.resolve(value());
    else if (flag === '--working-copy') args.workingCopy = path.resolve(value());
    else if (flag === '--port') {
      const port = Number(value());
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0 to 65535. ${USAGE}`);
      args.port = port;
    } else if (flag === '--host') args.host = value();
    else if (flag === '--reset') args.reset = true;
    else if (flag === '--write-behind') args.writeBehind = true;
    else if (flag === '--delay-ms') {
      const ms = Number(value());
      if (!Number.isInteger(ms) || ms < 0 || ms > 60_000) throw new Error(`--delay-ms must be 0 to 60000. ${USAGE}`);
      args.delayMs = ms;
    }
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`Unknown option ${String(flag)}. ${USAGE}`);
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const emulator = await createEmulator({
    projectFile: args.project,
    workingCopy: args.workingCopy,
    port: args.port,
    host: args.host,
    fresh: args.reset,
    ...(args.writeBehind ? { waitForDisk: false, persistDelayMs: 5_000 } : {}),
  });
  if (args.delayMs) emulator.faults.set({ delayMs: args.delayMs });
  const users = emulator.store.current.users.map((u) => u.accountId).join(', ');
  console.log(`Jira emulator listening on ${emulator.url}`);
  console.log(`project: ${args.project}\nworking copy: ${args.workingCopy}\nusers (x-emulator-user): ${users}; as app: x-emulator-app: true`);
  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
