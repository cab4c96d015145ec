/** The working copy: created from the sample, written atomically on every change, reset, never the sample. */
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createEmulator, ProjectFileError } from '../../../src/preview/emulator';
import { validateProject } from '../../../src/preview/emulator/load';
import { FIXTURE, fileHash, raw, rejection, startEmulator } from './harness';

const sampleHash = fileHash(FIXTURE);

afterAll(() => {
  expect(fileHash(FIXTURE)).toBe(sampleHash);
});

async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), 'story-health-wc-'));
}

describe('working copy', () => {
  it('is created from the sample, receives every change, and survives a restart', async () => {
    const h = await startEmulator();
    try {
      const created = JSON.parse(await fs.readFile(h.workingCopy, 'utf8'));
      expect(created.issues).toHaveLength(10);
      await raw(h.emulator, 'PUT', '/rest/api/3/issue/OPS-1', { user: 'carol', body: JSON.stringify({ fields: { summary: 'Edited once' } }) });
      await raw(h.emulator, 'PUT', '/rest/api/3/issue/OPS-1/properties/storyHealth', { user: 'carol', body: '{"score": 70}' });
      await raw(h.emulator, 'POST', '/rest/api/3/issueLink', { user: 'carol', body: JSON.stringify({ type: { name: 'Relates' }, inwardIssue: { key: 'OPS-1' }, outwardIssue: { key: 'OPS-2' } }) });
      await raw(h.emulator, 'POST', '/rest/api/3/issue', { user: 'carol', body: JSON.stringify({ fields: { project: { key: 'OPS' }, issuetype: { name: 'Bug' }, summary: 'New bug' } }) });
      const written = validateProject(JSON.parse(await fs.readFile(h.workingCopy, 'utf8')), 'working copy');
      const ops1 = written.issues.find((i) => i.key === 'OPS-1');
      expect(ops1).toMatchObject({ summary: 'Edited once', properties: { storyHealth: { score: 70 } }, links: [{ type: 'Relates', direction: 'outward', key: 'OPS-2' }] });
      expect(written.issues.find((i) => i.key === 'OPS-3')).toMatchObject({ summary: 'New bug', issueType: 'Bug' });
      // No temporary files are left next to it.
      expect(await fs.readdir(h.dir)).toEqual(['working-copy.json']);

      await h.emulator.close();
      const again = await createEmulator({ projectFile: FIXTURE, workingCopy: h.workingCopy });
      try {
        expect(again.store.find('OPS-1')?.summary).toBe('Edited once');
        await again.reset();
        expect(again.store.find('OPS-1')?.summary).toBe('As a dispatcher, I want to see late deliveries so that I can call the courier');
        expect(again.store.find('OPS-3')).toBeUndefined();
        expect(JSON.parse(await fs.readFile(h.workingCopy, 'utf8')).issues).toHaveLength(10);
      } finally {
        await again.close();
      }
    } finally {
      await fs.rm(h.dir, { recursive: true, force: true });
    }
  });

  it('starts fresh from the sample when asked', async () => {
    const dir = await tempDir();
    const workingCopy = path.join(dir, 'nested', 'wc.json');
    try {
      const first = await createEmulator({ projectFile: FIXTURE, workingCopy });
      await raw(first, 'PUT', '/rest/api/3/issue/OPS-2', { app: true, body: JSON.stringify({ fields: { summary: 'Changed' } }) });
      await first.close();
      const fresh = await createEmulator({ projectFile: FIXTURE, workingCopy, fresh: true });
      expect(fresh.store.find('OPS-2')?.summary).toBe('Rotate the courier API keys');
      await fresh.close();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to use the sample itself as the working copy', async () => {
    const error = await rejection(createEmulator({ projectFile: FIXTURE, workingCopy: FIXTURE }));
    expect(error).toBeInstanceOf(ProjectFileError);
    expect((error as Error).message).toMatch(/must not be the sample project itself/);
    const dotted = await rejection(createEmulator({ projectFile: FIXTURE, workingCopy: path.join(path.dirname(FIXTURE), '.', 'project.json') }));
    expect(dotted).toBeInstanceOf(ProjectFileError);
  });

  it('names the working copy when it is broken', async () => {
    const dir = await tempDir();
    const workingCopy = path.join(dir, 'wc.json');
    try {
      await fs.writeFile(workingCopy, '{"fields": {}}');
      const error = await rejection(createEmulator({ projectFile: FIXTURE, workingCopy }));
      expect((error as Error).message).toMatch(/wc\.json is not a valid sample project: .*fields\.storyPoints.*working copy: delete it/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the shipped sample', () => {
  const SAMPLE = path.join(__dirname, '..', '..', '..', 'src', 'preview', 'sample', 'project.json');
  const run = existsSync(SAMPLE) ? it : it.skip;

  run('is served and never written, whatever the edits', async () => {
    const before = fileHash(SAMPLE);
    const dir = await tempDir();
    const emulator = await createEmulator({ projectFile: SAMPLE, workingCopy: path.join(dir, 'wc.json') });
    try {
      const issue = emulator.store.issues()[0];
      expect(issue).toBeDefined();
      const key = issue?.key as string;
      expect((await raw(emulator, 'PUT', `/rest/api/3/issue/${key}`, { app: true, body: JSON.stringify({ fields: { summary: 'Edited in a test' } }) })).status).toBe(204);
      expect((await raw(emulator, 'PUT', `/rest/api/3/issue/${key}/properties/storyHealth`, { app: true, body: '{"score": 1}' })).status).toBeLessThan(300);
      await emulator.reset();
    } finally {
      await emulator.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
    expect(fileHash(SAMPLE)).toBe(before);
  });
});

describe('project file validation', () => {
  async function invalid(change: (project: Record<string, unknown> & { issues: Record<string, unknown>[] }) => void): Promise<string> {
    const dir = await tempDir();
    try {
      const project = JSON.parse(await fs.readFile(FIXTURE, 'utf8'));
      change(project);
      const file = path.join(dir, 'project.json');
      await fs.writeFile(file, JSON.stringify(project));
      const error = await rejection(createEmulator({ projectFile: file, workingCopy: path.join(dir, 'wc.json') }));
      expect(error).toBeInstanceOf(ProjectFileError);
      return (error as Error).message;
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  }

  it.each([
    ['a schema error, naming the field', (p: { issues: Record<string, unknown>[] }) => { (p.issues[2] as Record<string, unknown>).summary = ''; }, /issues\[2\]\.summary: /],
    ['an unknown status', (p: { issues: Record<string, unknown>[] }) => { (p.issues[0] as Record<string, unknown>).status = 'Blocked'; }, /issues\[0\]\.status: /],
    ['a link to a missing issue', (p: { issues: Record<string, unknown>[] }) => { (p.issues[1] as Record<string, unknown>).links = [{ type: 'Blocks', direction: 'outward', key: 'FOOD-77' }]; }, /issues\[1\]\.links\[0\]\.key: FOOD-77 is not an issue of the file/],
    ['a duplicate key', (p: { issues: Record<string, unknown>[] }) => { (p.issues[1] as Record<string, unknown>).key = 'FOOD-1'; }, /issues\[1\]\.key: FOOD-1 is listed twice/],
    ['an issue of no project', (p: { issues: Record<string, unknown>[] }) => { (p.issues[9] as Record<string, unknown>).key = 'XYZ-2'; }, /XYZ-2 belongs to no project/],
    ['an unknown property', (p: { issues: Record<string, unknown>[] }) => { (p.issues[0] as Record<string, unknown>).assignee = 'bob'; }, /issues\[0\]: /],
  ])('refuses %s', async (_, change, message) => {
    expect(await invalid(change)).toMatch(message);
  });

  it('says when the file is missing or not JSON', async () => {
    await expect(createEmulator({ projectFile: '/nonexistent/project.json', workingCopy: path.join(os.tmpdir(), 'never.json') })).rejects.toThrow(/Cannot read the sample project \/nonexistent\/project\.json \(ENOENT\)/);
    const dir = await tempDir();
    try {
      await fs.writeFile(path.join(dir, 'p.json'), '{nope');
      await expect(createEmulator({ projectFile: path.join(dir, 'p.json'), workingCopy: path.join(dir, 'wc.json') })).rejects.toThrow(/p\.json is not JSON/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
