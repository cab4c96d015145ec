/** The sample Jira backlog served by the emulator and shown by the preview: shape, integrity, and the README's tables of it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleProjectFileSchema, type SampleIssue, type SampleProjectFile } from '../../../src/preview/sample/schema';
import { countsTable, hasAcceptanceCriteria, notableTable } from '../../../src/preview/sample/tables';
import { dependencyGraph } from '../../../src/core/backlog/dependencies';

const dir = join(__dirname, '..', '..', '..', 'src', 'preview', 'sample');
const text = readFileSync(join(dir, 'project.json'), 'utf8');
const raw: unknown = JSON.parse(text);
const parsed = sampleProjectFileSchema.safeParse(raw);
const file: SampleProjectFile = parsed.success ? parsed.data : (raw as SampleProjectFile);
const byKey = new Map<string, SampleIssue>(file.issues.map((i) => [i.key, i]));
const projectOf = (key: string) => key.slice(0, key.lastIndexOf('-'));
const numberOf = (key: string) => Number(key.slice(key.lastIndexOf('-') + 1));

const MOTIVATING_TECHNICAL = 'As a developer I want to develop a mechanism to store and retrieve images so that users can add/view images';
const ZONE_EPIC_STORY = 'As an admin, I want to define zones on a picture as a model, then cut uploaded pictures into the zones';

/** All ADF nodes of a description, depth first. */
function nodes(doc: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const stack: unknown[] = [doc];
  while (stack.length) {
    const n = stack.pop();
    if (!n || typeof n !== 'object') continue;
    const node = n as Record<string, unknown>;
    out.push(node);
    if (Array.isArray(node.content)) stack.push(...(node.content as unknown[]));
  }
  return out;
}

describe('sample project file', () => {
  test('validates against the schema', () => {
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  test('the README shows the tables computed from the file', () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain(countsTable(file));
    expect(readme).toContain(notableTable(file));
  });

  test('what is planted is there: copies repeat their original, planted cycles and chains are Blocks links', () => {
    for (const i of file.issues) {
      const original = i.planted?.copyOf ? byKey.get(i.planted.copyOf) : undefined;
      if (i.planted?.copyOf) expect(original?.description).toEqual(i.description);
      if (i.planted?.problems.includes('cycle') || i.planted?.problems.includes('chain')) expect(i.links.some((l) => l.type === 'Blocks')).toBe(true);
    }
  });

  test('acceptance criteria are found as teams write them: a section, a checklist, Given/When/Then', () => {
    const doc = (...content: unknown[]) => ({ type: 'doc' as const, version: 1 as const, content });
    const text = (t: string) => ({ type: 'text', text: t });
    expect(hasAcceptanceCriteria(doc({ type: 'heading', attrs: { level: 3 }, content: [text('Acceptance criteria')] }))).toBe(true);
    expect(hasAcceptanceCriteria(doc({ type: 'taskList', content: [] }))).toBe(true);
    expect(hasAcceptanceCriteria(doc({ type: 'paragraph', content: [text('Context first.'), { type: 'hardBreak' }, text('Given a cart')] }))).toBe(true);
    expect(hasAcceptanceCriteria(doc({ type: 'paragraph', content: [text('Nothing to check here; given time, maybe.')] }))).toBe(false);
    expect(hasAcceptanceCriteria(null)).toBe(false);
  });

  test('has 60–100 issues in both projects', () => {
    expect(file.issues.length).toBeGreaterThanOrEqual(60);
    expect(file.issues.length).toBeLessThanOrEqual(100);
    expect(file.projects.map((p) => [p.key, p.id])).toEqual([
      ['FOOD', '10000'],
      ['ZONE', '10001'],
    ]);
    for (const p of file.projects) expect(file.issues.filter((i) => projectOf(i.key) === p.key).length).toBeGreaterThan(20);
  });

  test('keys are unique and numbered 1..n per project, in file order', () => {
    expect(byKey.size).toBe(file.issues.length);
    const projects = new Set(file.projects.map((p) => p.key));
    for (const p of projects) {
      const numbers = file.issues.filter((i) => projectOf(i.key) === p).map((i) => numberOf(i.key));
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
    for (const i of file.issues) expect(projects.has(projectOf(i.key))).toBe(true);
  });

  test('parents exist, sit in the same project and have a fitting type', () => {
    for (const i of file.issues) {
      if (i.issueType === 'Epic') {
        expect(i.parent).toBeUndefined();
        continue;
      }
      if (i.issueType === 'Subtask') expect(i.parent).toBeDefined();
      if (!i.parent) continue;
      const parent = byKey.get(i.parent);
      expect(parent).toBeDefined();
      expect(projectOf(i.parent)).toBe(projectOf(i.key));
      if (i.issueType === 'Subtask') expect(['Story', 'Task', 'Bug']).toContain(parent!.issueType);
      else expect(parent!.issueType).toBe('Epic');
    }
  });

  test('every link points to an existing other issue, and the other issue has the reverse link', () => {
    for (const i of file.issues) {
      for (const l of i.links) {
        expect(l.key).not.toBe(i.key);
        const other = byKey.get(l.key);
        expect(other).toBeDefined();
        const reverse = { type: l.type, direction: l.direction === 'inward' ? 'outward' : 'inward', key: i.key };
        expect(other!.links).toContainEqual(reverse);
      }
      const ids = i.links.map((l) => `${l.type}/${l.direction}/${l.key}`);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  test('Blocks links make one dependency cycle of 2–3 stories and a longest chain of 3–4', () => {
    const graph = dependencyGraph(file.issues.map((i) => ({ key: i.key, links: i.links, mentions: [] })));
    expect(graph.cycles).toHaveLength(1);
    expect(graph.cycles[0]!.length).toBeGreaterThanOrEqual(2);
    expect(graph.cycles[0]!.length).toBeLessThanOrEqual(3);
    expect(graph.longestBlockedChain.length).toBeGreaterThanOrEqual(3);
    expect(graph.longestBlockedChain.length).toBeLessThanOrEqual(4);
  });

  test('users: alice administers both projects with the restricted level, bob is a member of both without it, carol only of FOOD, dan only browses both', () => {
    const user = (name: string) => file.users.find((u) => u.emailAddress === `${name}@example.com`)!;
    expect(user('alice').projects).toEqual({ FOOD: 'admin', ZONE: 'admin' });
    expect(user('alice').securityLevels).toContain('restricted');
    expect(user('bob').projects).toEqual({ FOOD: 'member', ZONE: 'member' });
    expect(user('bob').securityLevels).not.toContain('restricted');
    expect(user('carol').projects).toEqual({ FOOD: 'member' });
    expect(user('dan').projects).toEqual({ FOOD: 'viewer', ZONE: 'viewer' });
    expect(new Set(file.users.map((u) => u.accountId)).size).toBe(file.users.length);
    for (const u of file.users) expect(u.accountId).toMatch(/^[0-9a-f]{24}$/);
  });

  test('reporters are users of the issue\'s project who can see the issue', () => {
    const users = new Map(file.users.map((u) => [u.accountId, u]));
    for (const i of file.issues) {
      const reporter = users.get(i.reporter);
      expect(reporter?.projects[projectOf(i.key)]).toBeDefined();
      if (i.securityLevel) expect(reporter!.securityLevels).toContain(i.securityLevel);
    }
  });

  test('at least three restricted issues, in both projects; public issues never hang under a restricted one', () => {
    const restricted = file.issues.filter((i) => i.securityLevel === 'restricted');
    expect(restricted.length).toBeGreaterThanOrEqual(3);
    expect(new Set(restricted.map((i) => projectOf(i.key))).size).toBe(2);
    for (const i of file.issues) {
      if (!i.securityLevel && i.parent) expect(byKey.get(i.parent)!.securityLevel).toBeUndefined();
    }
  });

  test('dates are fixed ISO datetimes between 2026-09-01 and 2026-11-15, updated after created', () => {
    for (const i of file.issues) {
      expect(i.created >= '2026-09-01' && i.updated < '2026-11-16').toBe(true);
      expect(Date.parse(i.updated)).toBeGreaterThanOrEqual(Date.parse(i.created));
    }
  });

  test('story points use the Jira field and the usual scale', () => {
    expect(file.fields.storyPoints).toEqual({ id: 'customfield_10016', name: 'Story point estimate' });
    expect(file.fields.acceptanceCriteria).toBeUndefined();
    for (const i of file.issues) if (i.storyPoints !== null) expect([1, 2, 3, 5, 8, 13, 21]).toContain(i.storyPoints);
  });

  test('the motivating technical story and the zone epic story are there', () => {
    const technical = file.issues.filter((i) => i.summary === MOTIVATING_TECHNICAL);
    expect(technical).toHaveLength(1);
    expect(technical[0]!.key).toMatch(/^FOOD-/);
    const zone = file.issues.filter((i) => i.summary.startsWith(ZONE_EPIC_STORY));
    expect(zone).toHaveLength(1);
    expect(zone[0]!.key).toMatch(/^ZONE-/);
    expect(zone[0]!.issueType).toBe('Story');
  });

  test('exactly one issue carries the hostile text, labelled as a rendering test', () => {
    const hostile = file.issues.filter((i) => JSON.stringify(i).includes('<script>'));
    expect(hostile).toHaveLength(1);
    const issue = hostile[0]!;
    const all = nodes(issue.description);
    const texts = all.filter((n) => n.type === 'text').map((n) => String(n.text));
    expect(texts.join(' ')).toMatch(/rendering test/i);
    expect(texts.some((t) => t.includes('\u202E'))).toBe(true);
    const hrefs = all.flatMap((n) => (Array.isArray(n.marks) ? (n.marks as { type: string; attrs?: { href?: string } }[]) : []))
      .filter((m) => m.type === 'link')
      .map((m) => m.attrs?.href);
    expect(hrefs).toContain('javascript:alert(1)');
    expect(issue.labels).toContain('rendering-test');
    // Nowhere else: no other javascript: links or direction overrides.
    for (const i of file.issues) {
      if (i === issue) continue;
      expect(JSON.stringify(i)).not.toMatch(/javascript:|\u202E/);
    }
  });

  test('descriptions are well-formed ADF with unique task-list ids', () => {
    const ids: string[] = [];
    for (const i of file.issues) {
      if (!i.description) continue;
      for (const n of nodes(i.description)) {
        expect(typeof n.type).toBe('string');
        if (n.type === 'text') expect(typeof n.text === 'string' && n.text.length > 0).toBe(true);
        if (n.type === 'taskList' || n.type === 'taskItem') ids.push(String((n.attrs as { localId: string }).localId));
        if (n.type === 'taskItem') expect(['TODO', 'DONE']).toContain((n.attrs as { state: string }).state);
      }
    }
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('mixes issue types and statuses like a real backlog', () => {
    const count = (f: (i: SampleIssue) => boolean) => file.issues.filter(f).length;
    for (const t of ['Epic', 'Story', 'Task', 'Bug', 'Subtask'] as const) expect(count((i) => i.issueType === t)).toBeGreaterThan(0);
    for (const s of ['To Do', 'In Progress', 'In Review', 'Done'] as const) expect(count((i) => i.status === s)).toBeGreaterThan(0);
    expect(count((i) => i.status === 'To Do')).toBeGreaterThan(file.issues.length / 2);
    const stories = file.issues.filter((i) => i.issueType === 'Story');
    const unestimated = stories.filter((i) => i.storyPoints === null).length / stories.length;
    expect(unestimated).toBeGreaterThan(0.08);
    expect(unestimated).toBeLessThan(0.25);
  });
});
