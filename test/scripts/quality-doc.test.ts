/**
 * docs/quality.md is generated from the shared data sets but must never copy their text: rows are
 * referenced by file and line or by key/ID. This guard loads the story text of the data sets the
 * eval reads (in place, never copied) and fails when any of it appears in the committed document.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, datasetsDir, listFiles, readCsv, splitContext } from '../../scripts/lib/datasets';
import { findingVerdict, inputVerdict } from '../../scripts/lib/verdict';

/** Shorter texts ("As a user, I want to log in.") could be written independently; these cannot. */
const MIN_CHARS = 40;
/** Cells truncate long text ("…"), so a story is also found by its first this many characters. */
const PREFIX_CHARS = 60;

/** Lower-cased, whitespace collapsed, the escapes of scripts/lib/markdown.ts `cell()` undone. */
function normalizeDocText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\\\|/g, '|')
    .replace(/`/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The needles of one data set text: the whole text and, when longer, its start (none when too short). */
function needlesOf(text: string): string[] {
  const t = normalizeDocText(text);
  if (t.length < MIN_CHARS) return [];
  return t.length > PREFIX_CHARS ? [t, t.slice(0, PREFIX_CHARS)] : [t];
}

/** Data set texts found in `doc`, as `where: text start`. */
function copiedTexts(doc: string, texts: ReadonlyMap<string, string>): string[] {
  const hay = normalizeDocText(doc);
  const found: string[] = [];
  for (const [where, text] of texts) {
    if (needlesOf(text).some((n) => hay.includes(n))) found.push(`${where}: ${normalizeDocText(text).slice(0, 50)}…`);
  }
  return found;
}

/** Story text of every data set the eval reads, by row reference. */
function datasetTexts(data: string): Map<string, string> {
  const out = new Map<string, string>();
  const stories = join(data, 'user-stories');
  for (const f of listFiles(stories, '.txt')) {
    readFileSync(join(stories, f), 'utf8')
      .split('\n')
      .forEach((line, i) => out.set(`${f}:${i + 1}`, line));
  }
  const annotated = join(data, 'user-stories-annotated');
  for (const f of listFiles(annotated, '.jsonl')) {
    readFileSync(join(annotated, f), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim()) out.set(`${f}:${i + 1}`, ((JSON.parse(line) as { text?: string }).text ?? '').replace(/^#G\d+#\s/, ''));
      });
  }
  const qus = join(data, 'qus-labels');
  for (const f of listFiles(qus, '.csv')) for (const r of readCsv(join(qus, f))) if (r['User Story']) out.set(`${f}/${r['ID']}`, r['User Story']);
  const ustai = join(data, 'ustai');
  for (const f of listFiles(ustai, '.csv')) for (const r of readCsv(join(ustai, f))) out.set(`${f}/${r['ID']}`, r['User story'] ?? '');
  const titles = new Map<string, string>();
  const jira = join(data, 'jira-issues');
  for (const f of listFiles(jira, '.csv')) {
    for (const r of readCsv(join(jira, f))) {
      titles.set(r['issuekey'] ?? '', r['title'] ?? '');
      out.set(`${f}/${r['issuekey']} title`, r['title'] ?? '');
      out.set(`${f}/${r['issuekey']} description start`, (r['description'] ?? '').slice(0, 200));
    }
  }
  const types = join(data, 'jira-issue-types');
  for (const f of listFiles(types, '.csv')) {
    for (const r of readCsv(join(types, f))) {
      const key = r['issuekey'] ?? '';
      const split = splitContext(r['context'] ?? '', titles.get(key));
      out.set(`${f}/${key} summary`, split.summary);
      out.set(`${f}/${key} description start`, split.description.slice(0, 200));
    }
  }
  return out;
}

describe('the copy check itself', () => {
  const texts = new Map([
    ['bakery.txt:1', 'As a baker, I want to label every loaf with its flour, so that buyers with allergies can choose.'],
    ['bakery.txt:2', 'As a baker, I want rye.'],
  ]);

  it('finds a story quoted whole, escaped as a table cell, or cut short', () => {
    expect(copiedTexts('| b-1 | As a baker, I want to label every loaf with its flour, so that buyers with allergies can choose. |', texts)).toHaveLength(1);
    expect(copiedTexts('| b-1 | As a baker, I want to label   every loaf with its flour, so that buyers with allergies can… |', texts)).toHaveLength(1);
    expect(copiedTexts('AS A BAKER, I WANT TO LABEL EVERY LOAF WITH ITS FLOUR, SO THAT BUYERS', texts)).toHaveLength(1);
  });

  it('accepts references and short generic text', () => {
    expect(copiedTexts('| bakery:1 | missing-role/missing [0,98) | As a baker, I want rye. |', texts)).toEqual([]);
  });
});

describe('verdicts without story text', () => {
  it('names rule, message and signal kinds and gives offsets, never the quoted evidence', () => {
    const technical = { ruleId: 'technical-story', messageId: 'technical', data: { signals: 'builder role, implementation act', evidence: 'Oven engineer' }, field: 'summary' as const, range: [5, 18] as [number, number] };
    expect(findingVerdict(technical)).toBe('technical-story/technical: builder role, implementation act at [5, 18)');
    const brackets = { ruleId: 'not-minimal', messageId: 'brackets', data: { text: '(rye only)' }, field: 'description' as const, range: [30, 40] as [number, number] };
    expect(findingVerdict(brackets)).toBe('not-minimal/brackets at description [30, 40)');
    expect(findingVerdict({ ruleId: 'duplicate', messageId: 'duplicate', data: { others: 'b-2', key: 'b-1', similarity: 100 } })).toBe('duplicate/duplicate: others b-2; similarity 100');
  });

  it('gives the parsed template as offsets', () => {
    const verdict = inputVerdict({ summary: 'As a baker, I want rye flour, so that my loaves taste of grain.' });
    expect(verdict).toBe('role-goal-benefit; role [5, 10); goal [19, 28); benefit [38, 62)');
    expect(inputVerdict({ summary: 'Bake rye bread' }, ['role'])).toMatch(/; role —$/);
  });
});

// The check needs the shared data sets (../shared/datasets or $STORY_HEALTH_DATASETS); without them
// it is skipped, never passed.
const DATA = datasetsDir();
const HAS_DATA = existsSync(DATA);
const describeWithData = HAS_DATA ? describe : describe.skip;
const title = HAS_DATA
  ? 'docs/quality.md against the shared data sets'
  : `docs/quality.md against the shared data sets — SKIPPED: no data sets at ${DATA} (set STORY_HEALTH_DATASETS)`;

describeWithData(title, () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'quality.md'), 'utf8');

  it(`copies no story, summary or description start of ${MIN_CHARS}+ characters`, () => {
    const texts = datasetTexts(DATA);
    expect(texts.size).toBeGreaterThan(10_000);
    expect(copiedTexts(doc, texts)).toEqual([]);
  });
});

describe('docs/quality.md sections 1–3', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'quality.md'), 'utf8');
  const start = doc.indexOf('\n## 1. ');
  const end = doc.indexOf('\n## 4. ');

  it('quote no span or story text (rows by reference, spans by offsets)', () => {
    expect(start).toBeGreaterThan(0);
    const sections = doc.slice(start, end > start ? end : undefined);
    // `quoted()` of scripts/lib/markdown.ts writes “…”; sections 1–3 print references and offsets instead.
    const quotes = sections.split('\n').filter((l) => /[“”]/.test(l));
    expect(quotes).toEqual([]);
  });
});
