import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { contentType, resolveStatic } from '../../../src/preview/host/static-files';

let dir: string;
let root: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'story-health-static-'));
  root = path.join(dir, 'dist');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), '<!doctype html>');
  await writeFile(path.join(root, 'assets', 'app.js'), '');
  await writeFile(path.join(root, '.env'), 'SECRET=1');
  await writeFile(path.join(dir, 'outside.txt'), 'outside');
  await mkdir(path.join(dir, 'dist-other'));
  await writeFile(path.join(dir, 'dist-other', 'x.js'), '');
  await symlink(path.join(dir, 'outside.txt'), path.join(root, 'assets', 'link.txt'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('resolveStatic', () => {
  it('maps paths inside the root, and a folder to its index.html', async () => {
    expect(await resolveStatic(root, 'assets/app.js')).toEqual({ ok: true, file: path.join(await realRoot(), 'assets', 'app.js') });
    expect(await resolveStatic(root, '')).toEqual({ ok: true, file: path.join(await realRoot(), 'index.html') });
    expect(await resolveStatic(root, './assets//app.js')).toMatchObject({ ok: true });
    expect(await resolveStatic(root, 'assets/missing.js')).toEqual({ ok: false, status: 404 });
  });

  it.each([
    ['../outside.txt', 403],
    ['assets/../../outside.txt', 403],
    ['..%2foutside.txt', 403],
    ['%2e%2e/outside.txt', 403],
    ['assets/%2e%2e%2f%2e%2e%2foutside.txt', 403],
    ['../dist-other/x.js', 403],
    ['..\\outside.txt', 400],
    ['assets%5c..%5c..%5coutside.txt', 400],
    ['assets/app.js%00.html', 400],
    ['%E0%A4%A', 400],
    ['.env', 404],
    ['assets/link.txt', 403],
  ])('refuses %s with %i', async (p, status) => {
    expect(await resolveStatic(root, p)).toEqual({ ok: false, status });
  });

  it('has a content type for what Vite emits, and a safe default', () => {
    expect(contentType('index.html')).toBe('text/html; charset=utf-8');
    expect(contentType('assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentType('assets/index-abc.css')).toBe('text/css; charset=utf-8');
    expect(contentType('logo.SVG')).toBe('image/svg+xml');
    expect(contentType('font.woff2')).toBe('font/woff2');
    expect(contentType('data.bin')).toBe('application/octet-stream');
  });
});

function realRoot(): Promise<string> {
  return realpath(root);
}
