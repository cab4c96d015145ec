/**
 * What every story-health command shares: the I/O it is given (so tests run it in-process), the exit
 * codes, the version, how a read problem is printed, and loading a settings file.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ENGINE_VERSION } from '../core/analyze';
import { parseSettings, type Settings } from '../core/config';
import { decode, type ReadFileFn } from './readers';
import type { ReadError } from './readers/types';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads a whole file (default `fs.promises.readFile`). Paths are resolved against `cwd`. */
  readFile?: ReadFileFn;
  /** Writes `--output` (default `fs.promises.writeFile`). */
  writeFile?: (file: string, data: string) => Promise<void>;
  /** Is stdout a terminal? Colors only then (and when `NO_COLOR` is unset). */
  isTTY?: boolean;
  /** The terminal's width, for wrapping text output (only used when `isTTY`). */
  columns?: number;
  /** Environment, for `NO_COLOR` (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Directory relative paths are resolved against (default `process.cwd()`). */
  cwd?: string;
}

export const EXIT_OK = 0;
export const EXIT_BELOW_THRESHOLD = 1;
export const EXIT_ERROR = 2;

/** The package version (package.json sits two levels up from both src/cli and dist/cli). */
export function cliVersion(): string {
  try {
    const pkg: unknown = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));
    if (typeof pkg === 'object' && pkg !== null && 'version' in pkg && typeof pkg.version === 'string') return pkg.version;
  } catch {
    // fall through: a bundled copy without package.json still reports something true
  }
  return ENGINE_VERSION;
}

export function formatReadError(e: ReadError): string {
  return `${e.file}${e.line !== undefined ? `:${e.line}` : ''}: ${e.message}`;
}

export async function loadConfig(file: string, io: Required<Pick<CliIO, 'readFile' | 'stderr' | 'cwd'>>): Promise<Settings | null> {
  let content: Buffer | Uint8Array | string;
  try {
    content = await io.readFile(path.resolve(io.cwd, file));
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    io.stderr(`${file}: cannot read config file${code === 'ENOENT' ? ': no such file' : `: ${err instanceof Error ? err.message : String(err)}`}\n`);
    return null;
  }
  const decoded = decode(content);
  if (!decoded.ok) {
    io.stderr(`${file}: ${decoded.message}\n`);
    return null;
  }
  let data: unknown;
  try {
    data = JSON.parse(decoded.text.replace(/^\uFEFF/, ''));
  } catch (err) {
    io.stderr(`${file}: invalid JSON: ${err instanceof Error ? err.message : String(err)}\n`);
    return null;
  }
  const result = parseSettings(data);
  if (!result.ok) {
    io.stderr(`${file}: invalid settings\n`);
    for (const e of result.errors) io.stderr(`${file}: ${e.path}: ${e.message}\n`);
    return null;
  }
  return result.settings;
}
