import * as path from 'node:path';
import { formatJson, formatMarkdown, formatSarif, formatText, FORMATTERS, FORMATS } from '../../src/cli/format';
import { artifactUri, SARIF_SCHEMA, toSarif, type SarifLog } from '../../src/cli/format/sarif';
import { mdEscape } from '../../src/cli/format/markdown';
import type { SourceLocation } from '../../src/cli/readers';
import { sampleReport } from './helpers';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;

describe('text format', () => {
  const report = sampleReport();
  const plain = formatText(report, { color: false });

  it('prints a header per story, findings most severe first, and a summary line', () => {
    const lines = plain.split('\n');
    expect(lines[0]).toMatch(/^stories\.txt:2 {2}score 58 {2}As a birder/);
    expect(lines[1]).toMatch(/^ {2}\s*error\s+No acceptance criteria\s+missing-acceptance-criteria$/);
    expect(lines[2]).toMatch(/^ {2}summary:38-45 {2}warning {2}"quickly" is vague: say how fast\s+vague-term$/);
    expect(plain).toContain('  → split (workflow-steps, draft) into 2:\n    1. As a birder, I want to log a sighting\n    2. As a birder, I want to see my sightings on a map\n');
    expect(plain).toContain('→ rewrite (enabler, draft): As a birder, I want species suggestions to appear as I type, so that\n    <why?>\n');
    expect(plain).toMatch(/stories\.txt:4 {2}score 100 {2}As a group leader/);
    expect(lines[lines.length - 1]).toBe('✖ 3 stories, 1 error, 1 warning, backlog score 64');
  });

  it('mentions duplicates and marks technical stories', () => {
    expect(plain).toContain('duplicates  stories.txt:2 ≈ stories.txt:4  (similarity 0.81)');
    expect(plain).toMatch(/stories\.txt:7 .*\[technical\]/);
  });

  it('uses colors only when asked', () => {
    expect(ANSI.test(plain)).toBe(false);
    expect(ANSI.test(formatText(report, { color: true }))).toBe(true);
  });

  it('keeps control characters from the input off the terminal', () => {
    const r = sampleReport();
    (r.stories[0] as { summary: string }).summary = 'Evil \u001b[31mred\u001b[0m\nsecond line';
    const out = formatText(r, { color: false });
    expect(ANSI.test(out)).toBe(false);
    expect(out.split('\n')[0]).toContain('Evil [31mred [0m second line');
  });

  it('summarizes an empty report', () => {
    const r = sampleReport();
    r.stories = [];
    r.backlog.duplicates = [];
    expect(formatText(r, { color: false })).toBe('✔ 0 stories, 0 errors, 0 warnings, backlog score 64');
  });
});

describe('json format', () => {
  it('is the engine report, plus what the input left out', () => {
    const report = sampleReport();
    expect(formatJson(report)).toBe(JSON.stringify({ ...report, input: { problems: [], skipped: [], checkedTypes: [] } }, null, 2));
    const skipped = [{ key: 'LIB-2', issueType: 'Bug', file: 'a.csv', line: 3 }];
    const problems = [{ file: 'b.txt', message: 'no such file' }];
    expect(JSON.parse(formatJson(report, { skipped, errors: problems, checkedTypes: ['Story'] })).input).toEqual({ problems, skipped, checkedTypes: ['Story'] });
  });
});

describe('text format: the whole truth', () => {
  const long =
    'As a volunteer coordinator, I want to see every volunteer who signed up for a shift together with their phone number and the training they finished, so that I can call the right people when someone cancels at short notice';

  it('shows suggestions whole, wrapped to the width, never cut', () => {
    const r = sampleReport();
    r.stories[0]!.splits[0]!.stories.push({ summary: long });
    r.stories[1]!.rewrites.push({ kind: 'task', summary: long, parentKey: 'LIB-9', rationale: '', placeholders: [] });
    const out = formatText(r, { color: false, width: 80 });
    expect(out).not.toContain('…');
    for (const line of out.split('\n')) if (!/^\S|^ {2}\S*\s*(error|warning|info)\s/.test(line)) expect(line.length).toBeLessThanOrEqual(80);
    const joined = out.replace(/\n {4,}/g, ' ');
    expect(joined).toContain(`3. ${long}`);
    expect(joined).toContain(`→ rewrite (task of LIB-9, draft): ${long}`);
  });

  it('lists backlog findings beside the story, marked as not scored, in every format', () => {
    const r = sampleReport();
    r.stories[2]!.backlogFindings.push({ ruleId: 'duplicate', criterion: 'backlog', severity: 'warn', messageId: 'duplicate', data: {}, message: 'The story is 81% the same as stories.txt:2.' });
    const out = formatText(r, { color: false });
    expect(out).toMatch(/^stories\.txt:4 {2}score 100 .*\n {2}warning {2}The story is 81% the same as stories\.txt:2\. {2}duplicate \(in this backlog, not scored\)$/m);
    expect(formatMarkdown(r)).toContain('- **warning** The story is 81% the same as stories.txt:2. (`duplicate`, in this backlog: not scored)');
    const results = toSarif(r).runs[0]!.results;
    expect(results.find((x) => x.ruleId === 'duplicate')?.properties).toMatchObject({ storyKey: 'stories.txt:4', storyScore: 100, scored: false });
    expect(results.find((x) => x.ruleId === 'vague-term')?.properties.scored).toBeUndefined();
  });

  it('never prints a healthy summary when some input could not be read', () => {
    const r = sampleReport();
    r.stories = [r.stories[2]!];
    r.backlog.duplicates = [];
    expect(formatText(r, { color: false })).toBe('stories.txt:4  score 100  As a group leader, I want to share a checklist with my group\n\n✔ 1 story, 0 errors, 0 warnings, backlog score 64');
    const partial = formatText(r, { color: false, errors: [{ file: 'b.txt', message: 'no such file' }] });
    expect(partial.split('\n').at(-1)).toBe('✖ 1 story, 0 errors, 0 warnings, backlog score 64; 1 input problem (on stderr): only what could be read is reported');
  });

  it('lists the issues skipped for their type', () => {
    const r = sampleReport();
    const skipped = [
      { key: 'LIB-2', issueType: 'Bug', file: 'a.csv', line: 3 },
      { key: 'LIB-5', issueType: 'Bug', file: 'a.csv', line: 6 },
      { key: 'LIB-7', issueType: 'Task', file: 'a.csv', line: 8 },
    ];
    expect(formatText(r, { color: false, skipped, checkedTypes: ['Story'], width: 200 })).toContain(
      '\n3 issues skipped, their types are not checked: Bug 2 (LIB-2, LIB-5), Task 1 (LIB-7); checked: Story (settings issueTypes).\n\n✖ 3 stories',
    );
    expect(formatMarkdown(r, { skipped, checkedTypes: ['Story'] })).toContain('Skipped: 3 issues skipped, their types are not checked: Bug 2 (LIB-2, LIB-5), Task 1 (LIB-7); checked: Story (settings issueTypes).');
    const notes = toSarif(r, { skipped, checkedTypes: ['Story'] }).runs[0]!.invocations[0]!.toolExecutionNotifications;
    expect(notes.map((n) => [n.level, n.message.text])).toEqual([
      ['note', 'LIB-2 skipped: issue type "Bug" is not checked (checked: Story).'],
      ['note', 'LIB-5 skipped: issue type "Bug" is not checked (checked: Story).'],
      ['note', 'LIB-7 skipped: issue type "Task" is not checked (checked: Story).'],
    ]);
  });
});

describe('sarif format', () => {
  const cwd = path.resolve('/work/project');
  const locations = new Map<string, SourceLocation>([
    ['stories.txt:2', { file: 'backlog/stories.txt', line: 2, summaryOffset: 40, summaryColumn: 0 }],
    ['stories.txt:7', { file: '/elsewhere/my stories.csv', line: 7 }],
  ]);
  const log = JSON.parse(
    formatSarif(sampleReport(), { locations, cwd, errors: [{ file: 'backlog/broken.csv', line: 3, message: 'unclosed quote' }] }),
  ) as SarifLog;
  const run = log.runs[0];

  it('has the SARIF 2.1.0 envelope and a driver with the rules used', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe(SARIF_SCHEMA);
    expect(log.runs).toHaveLength(1);
    expect(run?.tool.driver).toMatchObject({ name: 'story-health', version: '9.9.9' });
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(['vague-term', 'missing-acceptance-criteria', 'technical-story']);
    for (const rule of run?.tool.driver.rules ?? []) expect(rule.shortDescription.text).toEqual(expect.any(String));
    expect(run?.tool.driver.rules[0]?.shortDescription.text).toBe('Vague term (INVEST Testable)');
  });

  it('has one result per finding with level, message and locations', () => {
    expect(run?.results).toHaveLength(3);
    expect(run?.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['vague-term', 'warning'],
      ['missing-acceptance-criteria', 'error'],
      ['technical-story', 'note'],
    ]);
    for (const r of run?.results ?? []) {
      expect(r.message.text).toEqual(expect.any(String));
      expect(run?.tool.driver.rules[r.ruleIndex]?.id).toBe(r.ruleId);
    }
  });

  it('points into the file: line of the story, and columns/offsets where the summary is file text', () => {
    const [vague, missing, technical] = run?.results ?? [];
    expect(vague?.locations[0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: 'backlog/stories.txt' },
        region: { startLine: 2, startColumn: 39, endColumn: 46, charOffset: 78, charLength: 7 },
      },
      logicalLocations: [{ name: 'stories.txt:2' }],
    });
    expect(vague?.properties).toMatchObject({ field: 'summary', range: [38, 45] });
    expect(missing?.locations[0]?.physicalLocation?.region).toEqual({ startLine: 2 });
    // Not verbatim file text: only the line, and a file URL for a path outside cwd.
    expect(technical?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'file:///elsewhere/my%20stories.csv' },
      region: { startLine: 7 },
    });
  });

  it('keeps a logical location when the file is unknown', () => {
    const bare = JSON.parse(formatSarif(sampleReport(), { cwd })) as SarifLog;
    expect(bare.runs[0]?.results[0]?.locations[0]).toEqual({ logicalLocations: [{ name: 'stories.txt:2' }] });
    expect(bare.runs[0]?.invocations[0]?.executionSuccessful).toBe(true);
  });

  it('reports read errors as tool notifications', () => {
    expect(run?.invocations[0]).toEqual({
      executionSuccessful: false,
      toolExecutionNotifications: [
        {
          level: 'error',
          message: { text: 'unclosed quote' },
          locations: [{ physicalLocation: { artifactLocation: { uri: 'backlog/broken.csv' }, region: { startLine: 3 } } }],
        },
      ],
    });
  });

  it('encodes artifact URIs', () => {
    expect(artifactUri('a b/c#d.txt', cwd)).toBe('a%20b/c%23d.txt');
    expect(artifactUri(path.join(cwd, 'x.csv'), cwd)).toBe('x.csv');
  });
});

describe('markdown format', () => {
  const md = formatMarkdown(sampleReport(), { errors: [{ file: 'broken.csv', line: 3, message: 'unclosed quote' }] });

  it('has a heading, a summary table with INVEST and template scores, and a top finding', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Story Health report');
    expect(md).toContain('| Key | Score | I | N | V | E | S | T | Template | Top finding |');
    const row = lines.find((l) => l.startsWith('| stories.txt:2 |'));
    expect(row?.split(' | ')).toHaveLength(10);
    expect(row).toContain('error: No acceptance criteria (`missing-acceptance-criteria`)');
    expect(lines.filter((l) => /^\| stories\.txt:\d \|/.test(l))).toHaveLength(3);
  });

  it('lists findings and suggestions per story', () => {
    expect(md).toContain('## Findings');
    expect(md).toContain('- **warning** "quickly" is vague: say how fast (`vague-term`, summary:38-45)');
    expect(md).toContain('**Suggested split** (workflow-steps, draft)');
    expect(md).toContain('1. As a birder, I want to log a sighting');
    expect(md).toContain('**Suggested rewrite** (enabler, draft)');
    expect(md).not.toContain('### stories.txt:4');
  });

  it('escapes input text so it cannot break the table or inject HTML', () => {
    expect(md).toContain('species \\| lookup endpoint \\<b\\>now\\</b\\>');
    expect(mdEscape('a|b\nc')).toBe('a\\|b c');
  });

  it('lists what could not be read', () => {
    expect(md).toContain('## Could not read');
    expect(md).toContain('- `broken.csv:3` unclosed quote');
  });
});

it('has a formatter for every --format', () => {
  expect(Object.keys(FORMATTERS).sort()).toEqual([...FORMATS].sort());
  for (const name of FORMATS) expect(typeof FORMATTERS[name](sampleReport(), {})).toBe('string');
});

describe('the self-check and the drafts, as the panel shows them', () => {
  const { analyze } = jest.requireActual<typeof import('../../src/core/analyze')>('../../src/core/analyze');
  const report = analyze([
    { key: 'PIC-1', storyPoints: 13, summary: 'As an admin, I want to define zones on a picture as a model, then cut uploaded pictures into the zones, so that each zone gets its own folder.' },
    { key: 'PIC-2', storyPoints: 2, summary: 'As an editor, I want to tag each article with a section, so that each section gets its own page.' },
  ]);
  test('text: a confirmed split says checked; drafted criteria are marked as a draft', () => {
    const text = formatText(report, { width: 200 });
    expect(text).toMatch(/→ split \(workflow-steps, checked\) into 2:/);
    expect(text).toContain('→ drafted acceptance criteria (a draft: edit before use):\n    - Given I am an editor, when I tag each article with a section, then each section gets its own page.');
  });
  test('markdown: the same', () => {
    const md = formatMarkdown(report);
    expect(md).toContain('**Suggested split** (workflow-steps, checked)');
    expect(md).toContain('**Drafted acceptance criteria** (a draft: edit before use):');
  });
});

describe('a story whose slices already exist under epics it spans, in every format', () => {
  const { analyze } = jest.requireActual<typeof import('../../src/core/analyze')>('../../src/core/analyze');
  const child = (key: string, parent: string, parentSummary: string, summary: string) => ({ key, parent, parentSummary, parentType: 'Epic', issueType: 'Story', summary });
  const report = analyze([
    child('PIC-6', 'PIC-2', 'Zone model editor', 'As an admin, I want to draw a zone on the model picture, so that I mark an area'),
    child('PIC-7', 'PIC-2', 'Zone model editor', 'As an admin, I want to name each zone, so that I tell them apart'),
    child('PIC-8', 'PIC-3', 'Cutting uploaded pictures', 'As a user, I want to upload a picture against a model, so that it is cut into its zones'),
    child('PIC-9', 'PIC-3', 'Cutting uploaded pictures', 'As a user, I want to download the cut pieces as a ZIP, so that I keep them together'),
    { key: 'PIC-1', storyPoints: 13, summary: 'As an admin, I want to define zones on a picture as a model, then cut uploaded pictures into the zones, so that each zone gets its own folder.' },
  ]);
  test('text: already sliced, with the epics, their titles and sizes; no split', () => {
    const text = formatText(report, { width: 200 });
    expect(text).toContain('→ already sliced under PIC-2 "Zone model editor" (2 stories) and PIC-3 "Cutting uploaded pictures" (2 stories): make it an epic or close it.');
    expect(text).not.toMatch(/PIC-1[\s\S]*→ split/);
  });
  test('markdown: the same', () => {
    expect(formatMarkdown(report)).toContain('**Already sliced** under PIC-2 "Zone model editor" (2 stories) and PIC-3 "Cutting uploaded pictures" (2 stories): make it an epic or close it.');
  });
});
