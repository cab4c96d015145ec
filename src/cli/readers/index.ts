/** Picks the reader by extension and turns file-system trouble into `ReadError`s. */
import { readFile as fsReadFile, stat } from 'node:fs/promises';
import { readCsv } from './csv';
import { readJson } from './json';
import { readJsonl } from './jsonl';
import { readTxt } from './txt';
import { emptyResult, type Reader, type ReadResult } from './types';

export { readCsv } from './csv';
export { readJson, issueFromJson } from './json';
export { readJsonl } from './jsonl';
export { readTxt } from './txt';
export type { ReadError, ReadResult, Reader, SourceLocation } from './types';

/** Reads a whole file. Tests pass their own; the CLI uses `fs.promises.readFile`. */
export type ReadFileFn = (path: string) => Promise<Buffer | Uint8Array | string>;

export const READERS: Readonly<Record<string, Reader>> = {
  '.txt': readTxt,
  '.csv': readCsv,
  '.json': readJson,
  '.jsonl': readJsonl,
  '.ndjson': readJsonl,
};

export const SUPPORTED_EXTENSIONS = Object.keys(READERS);

function extensionOf(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

export function readerFor(file: string): Reader | undefined {
  return READERS[extensionOf(file)];
}

const SNIFF_BYTES = 8192;

/** Decodes file content: UTF-8 (BOM kept for the readers), or UTF-16 with a BOM. Binary → error. */
export function decode(content: Buffer | Uint8Array | string): { ok: true; text: string } | { ok: false; message: string } {
  if (typeof content === 'string') {
    if (content.slice(0, SNIFF_BYTES).includes('\u0000')) return { ok: false, message: 'binary file (contains NUL bytes), not text' };
    return { ok: true, text: content };
  }
  const bytes: Uint8Array = content;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return { ok: true, text: new TextDecoder('utf-16le').decode(swapped) };
  }
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { ok: false, message: 'binary file (contains NUL bytes), not text' };
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}

function describeFsError(err: unknown): string {
  const code = (err as { code?: unknown }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return `cannot read file: ${err instanceof Error ? err.message : String(err)}`;
  }
}

export interface ReadOptions {
  /** The most bytes this file may have (the command's input budget left); larger files are not read. */
  maxBytes?: number;
  /** What the limit is called in the message, e.g. "the input limit of 10 MB (--max-input-size)". */
  limitName?: string;
  /** A file's size in bytes before it is read (default `fs.stat`); a failure leaves the check to after the read. */
  size?: (file: string) => Promise<number>;
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function tooBig(file: string, bytes: number, options: ReadOptions): ReadResult | null {
  if (options.maxBytes === undefined || bytes <= options.maxBytes) return null;
  const result = emptyResult();
  result.errors.push({ file, message: `file not read: ${megabytes(bytes)} is more than ${options.limitName ?? `the limit of ${megabytes(options.maxBytes)}`}` });
  return result;
}

function byteLength(content: Buffer | Uint8Array | string): number {
  return typeof content === 'string' ? Buffer.byteLength(content, 'utf8') : content.byteLength;
}

/**
 * Reads one input file. Never throws: every problem is a `ReadError` naming the file. With
 * `maxBytes`, a larger file is refused before it is read (by its size on disk) and, for content
 * that comes from elsewhere, right after.
 */
export async function readStoryFile(file: string, readFile: ReadFileFn = fsReadFile, options: ReadOptions = {}): Promise<ReadResult> {
  const result = emptyResult();
  if (options.maxBytes !== undefined) {
    let size: number | null = null;
    try {
      size = await (options.size ?? (async (f: string) => (await stat(f)).size))(file);
    } catch {
      // not a file we can stat (missing, a directory, a virtual file): readFile says what is wrong
    }
    const refused = size === null ? null : tooBig(file, size, options);
    if (refused) return refused;
  }
  let content: Buffer | Uint8Array | string;
  try {
    content = await readFile(file);
  } catch (err) {
    result.errors.push({ file, message: describeFsError(err) });
    return result;
  }
  result.bytes = byteLength(content);
  const refused = tooBig(file, result.bytes, options);
  if (refused) return refused;
  const reader = readerFor(file);
  if (!reader) {
    const ext = extensionOf(file);
    result.errors.push({
      file,
      message: `unsupported file type${ext ? ` "${ext}"` : ' (no extension)'}: expected ${SUPPORTED_EXTENSIONS.join(', ')}`,
    });
    return result;
  }
  const decoded = decode(content);
  if (!decoded.ok) {
    result.errors.push({ file, message: decoded.message });
    return result;
  }
  try {
    return { ...reader(decoded.text, file), bytes: result.bytes };
  } catch (err) {
    // Readers do not throw for bad content; if one does, it is our bug, but report it as this file's error.
    result.errors.push({ file, message: `could not read: ${err instanceof Error ? err.message : String(err)}` });
    return result;
  }
}
