/**
 * What every story-health command shares: the I/O it is given (so tests run it in-process), the exit
 * codes, the version, how a read problem is printed, and loading a settings file.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ENGINE_VERSION } from '../core/analyze';
import { parseSettings, type Settings } from '../core/config';
import { InvalidArgumentError } from 'commander';
import { decode, type ReadFileFn, type ReadOptions } from './readers';
import type { ReadError } from './readers/types';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Reads a whole file (default `fs.promises.readFile`). Paths are resolved against `cwd`. */
  readFile?: ReadFileFn;
  /** A file's size in bytes before it is read (default `fs.promises.stat`); checked against the input limit. */
  fileSize?: (file: string) => Promise<number>;
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

/**
 * The most input (all files together) a command reads unless `--max-input-size` says otherwise.
 * Analysis holds every story's report: 10 MB of one-line stories (about 75,000) take about 1.3 GB
 * of memory, so a 50 MB file ends in a clear error instead of running out of memory.
 */
export const DEFAULT_MAX_INPUT_MB = 10;

export function parseMaxInputSize(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a size in MB greater than 0.');
  return n;
}

/** What is left of the input limit as files are read; each file is checked against it before it is read. */
export function inputBudget(maxMb: number): { options(): ReadOptions; spend(bytes: number | undefined): void } {
  const max = Math.floor(maxMb * 1024 * 1024);
  let spent = 0;
  const mb = (bytes: number) => `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  return {
    options: () => ({
      maxBytes: max - spent,
      limitName: spent
        ? `the ${mb(max - spent)} left of the input limit of ${mb(max)} (raise it with --max-input-size)`
        : `the input limit of ${mb(max)} (raise it with --max-input-size, if this machine has about 130 MB of memory per MB of stories)`,
    }),
    spend: (bytes) => {
      spent += bytes ?? 0;
    },
  };
}
