/** Where a command's report goes, and how read problems end it: shared by `analyze` and `report`. */
import { writeFile as fsWriteFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { CliIO } from './io';

/** Writes `text` to `output` (relative to `cwd`), or to stdout when no file is given. False when writing failed. */
export async function writeReport(text: string, output: string | undefined, cwd: string, io: CliIO): Promise<boolean> {
  if (output === undefined) {
    io.stdout(text);
    return true;
  }
  try {
    await (io.writeFile ?? ((f: string, d: string) => fsWriteFile(f, d, 'utf8')))(path.resolve(cwd, output), text);
    return true;
  } catch (err) {
    io.stderr(`${output}: cannot write report: ${err instanceof Error ? err.message : String(err)}\n`);
    return false;
  }
}

/** Says that some input could not be read (each problem was printed already). True when there were problems. */
export function reportReadProblems(count: number, io: CliIO): boolean {
  if (!count) return false;
  io.stderr(`story-health: ${count === 1 ? '1 problem' : `${count} problems`} reading input; the report covers what could be read\n`);
  return true;
}

/**
 * Says that the engine could not analyze some stories (each is in the report with its error). True
 * when there were any: the command then exits 2, after the report of everything else.
 */
export function reportEngineFailures(keys: readonly string[], io: CliIO): boolean {
  if (!keys.length) return false;
  const shown = keys.slice(0, 10).join(', ') + (keys.length > 10 ? ` and ${keys.length - 10} more` : '');
  const n = keys.length === 1 ? '1 story' : `${keys.length} stories`;
  io.stderr(`story-health: ${n} could not be analyzed (engine error: ${shown}); the report covers the others and leaves ${keys.length === 1 ? 'it' : 'them'} out of the score\n`);
  return true;
}
