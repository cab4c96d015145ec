/**
 * Static files for the preview host: a URL path is mapped into one root directory and nowhere
 * else (no `..`, no encoded separators, no NUL, no symlink out of the root), with a content type
 * from a fixed table.
 */
import { realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type Resolved = { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 };

/**
 * Maps `urlPath` (already stripped of its mount prefix, still percent-encoded) to a file under
 * `root`. A directory maps to its `index.html`.
 */
export async function resolveStatic(root: string, urlPath: string): Promise<Resolved> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { ok: false, status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { ok: false, status: 400 };
  const segments = decoded.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return { ok: false, status: 403 };
  // Dot files (.env, .git) are never served.
  if (segments.some((s) => s.startsWith('.'))) return { ok: false, status: 404 };
  const rootReal = await realpath(root).catch(() => undefined);
  if (!rootReal) return { ok: false, status: 404 };
  let file = path.join(rootReal, ...segments);
  if (file !== rootReal && !file.startsWith(rootReal + path.sep)) return { ok: false, status: 403 };
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = path.join(file, 'index.html');
      info = await stat(file);
    }
    if (!info.isFile()) return { ok: false, status: 404 };
    const real = await realpath(file);
    if (real !== rootReal && !real.startsWith(rootReal + path.sep)) return { ok: false, status: 403 };
    return { ok: true, file: real };
  } catch {
    return { ok: false, status: 404 };
  }
}
