/**
 * RuleTester (ESLint's, for stories): a rule's test is a table of valid and invalid cases. Invalid
 * cases assert every finding of the rule exactly: `messageId`, `data` (the keys given), `field` and
 * `range` — given as `text`, the exact substring of that field the range must cover, or as a range.
 * A case may carry a backlog (stories analyzed with it) and settings.
 */
import { analyze } from '../../../src/core/analyze';
import type { SettingsInput } from '../../../src/core/config';
import { RULES_BY_ID } from '../../../src/core/rules';
import type { Field, Finding, Range, StoryInput, StoryReport } from '../../../src/core/story';

export type CaseStory = string | (Partial<StoryInput> & { summary: string });

export interface ValidCase {
  story: CaseStory;
  /** Other stories analyzed with it (duplicates, context). */
  backlog?: CaseStory[];
  settings?: SettingsInput;
  /** Why this is valid (shown in the test name). */
  why?: string;
}

export interface ExpectedError {
  messageId: string;
  data?: Record<string, string | number>;
  field?: Field;
  /** The exact text the finding's range covers in its field. */
  text?: string;
  range?: Range;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

/** Why a case is what it is, or that and what it is analyzed with besides its story. */
export type CaseOptions = string | Pick<ValidCase, 'why' | 'backlog' | 'settings'>;

/** A valid case: the rule reports nothing on `story`. */
export function passes(story: CaseStory, options: CaseOptions = {}): ValidCase {
  return { story, ...(typeof options === 'string' ? { why: options } : options) };
}

/** An invalid case with one finding: its `messageId` and what else it must match (data, field, text or range). */
export function reports(story: CaseStory, messageId: string, expected: Omit<ExpectedError, 'messageId'> = {}, options: CaseOptions = {}): InvalidCase {
  return { ...passes(story, options), errors: [{ messageId, ...expected }] };
}

function input(s: CaseStory, key: string): StoryInput {
  return typeof s === 'string' ? { key, summary: s, source: 'line' } : { key, source: 'line', ...s };
}

/** Analyzes the case's story (last) with its backlog, under `strict` so every rule reports. */
export function analyzeCase(c: ValidCase): StoryReport {
  const backlog = (c.backlog ?? []).map((s, i) => input(s, `B-${i + 1}`));
  const settings: SettingsInput = { preset: 'strict', ...(c.settings ?? {}) };
  const report = analyze([...backlog, input(c.story, 'CASE-1')], settings);
  return report.stories[report.stories.length - 1]!;
}

function fieldText(report: StoryReport, story: StoryInput, field: Field | undefined): string {
  if (field === 'summary' || field === undefined) return report.summary;
  if (field === 'acceptanceCriteria') return typeof story.acceptanceCriteria === 'string' ? story.acceptanceCriteria : '';
  return typeof story.description === 'string' ? story.description : '';
}

function name(c: ValidCase): string {
  const s = typeof c.story === 'string' ? c.story : c.story.summary;
  return `${s.length > 90 ? `${s.slice(0, 89)}…` : s}${c.why ? ` — ${c.why}` : ''}`;
}

export function ruleTester(ruleId: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const rule = RULES_BY_ID.get(ruleId);
  describe(ruleId, () => {
    test('is a registered rule', () => expect(rule).toBeDefined());
    if (cases.valid.length) {
      test.each(cases.valid.map((c) => [name(c), c] as const))('valid: %s', (_n, c) => {
        const r = analyzeCase(c);
        const hits = [...r.findings, ...r.backlogFindings].filter((f) => f.ruleId === ruleId);
        expect(hits.map((f) => `${f.messageId} ${JSON.stringify(f.data)}`)).toEqual([]);
      });
    }
    if (cases.invalid.length) {
      test.each(cases.invalid.map((c) => [name(c), c] as const))('invalid: %s', (_n, c) => {
        const report = analyzeCase(c);
        const story = input(c.story, 'CASE-1');
        const hits: Finding[] = [...report.findings, ...report.backlogFindings].filter((f) => f.ruleId === ruleId);
        expect(hits.map((h) => h.messageId)).toEqual(c.errors.map((e) => e.messageId));
        c.errors.forEach((e, i) => {
          const f = hits[i]!;
          expect(rule?.meta.messages).toContain(f.messageId);
          if (e.data) expect(f.data).toMatchObject(e.data);
          if (e.field) expect(f.field).toBe(e.field);
          if (e.range) expect(f.range).toEqual(e.range);
          if (e.text !== undefined) {
            expect(f.range).toBeDefined();
            expect(fieldText(report, story, f.field).slice(f.range![0], f.range![1])).toBe(e.text);
          }
        });
      });
    }
  });
}
