import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseStartArgs, runStart } from '../../../src/preview/host/start';
import { runPreview } from '../../../src/cli/preview';

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (s: string) => (out.stdout += s), stderr: (s: string) => (out.stderr += s), untilStopped: async () => undefined } };
}

describe('npm start', () => {
  let blocker: Server;
  let port: number;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'story-health-start-'));
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    port = (blocker.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a port in use with exit code 2, naming the port and --port, before starting anything', async () => {
    const { out, io } = capture();
    expect(await runStart(['--port', String(port), '--work-dir', dir], io)).toBe(2);
    expect(out.stderr).toBe(`story-health preview: Port ${port} is already in use. Stop whatever is using it, or choose another port with --port, e.g. --port ${port + 1}.\n`);
    expect(out.stdout).toBe('');
  });

  it('parses its options', () => {
    expect(parseStartArgs([])).toEqual({ port: 4400, fresh: false, build: true });
    expect(parseStartArgs(['--port=5000', '--fresh', '--no-build', '--work-dir', '/tmp/x'])).toEqual({ port: 5000, fresh: true, build: false, workDir: '/tmp/x' });
    expect(parseStartArgs(['--port', 'http'])).toMatchObject({ code: 2, message: expect.stringMatching(/--port needs a port number/) });
    expect(parseStartArgs(['--port', '70000'])).toMatchObject({ code: 2 });
    expect(parseStartArgs(['--verbose'])).toMatchObject({ code: 2, message: expect.stringMatching(/Unknown option --verbose/) });
    expect(parseStartArgs(['--help'])).toMatchObject({ code: 0 });
  });
});

describe('story-health preview', () => {
  it('needs an email and a token', async () => {
    const a = capture();
    expect(await runPreview({ site: 'https://acme.atlassian.net', token: 't' }, { ...a.io, env: {} })).toBe(2);
    expect(a.out.stderr).toMatch(/--email E or the JIRA_EMAIL/);
    const b = capture();
    expect(await runPreview({ site: 'https://acme.atlassian.net', email: 'me@acme.com' }, { ...b.io, env: {} })).toBe(2);
    expect(b.out.stderr).toMatch(/--token T or the JIRA_API_TOKEN/);
    const c = capture();
    expect(await runPreview({ site: 'https://acme.atlassian.net', email: 'me@acme.com', token: 't', project: 'shop' }, { ...c.io, env: {} })).toBe(2);
    expect(c.out.stderr).toMatch(/--project must be a project key/);
  });
});
