/**
 * One story, one score: a story's score is a function of the story, the settings and the project
 * context, never of the neighbours analyzed with it. Backlog findings are reported beside it.
 */
import { analyze, analyzeStory } from '../../src/core/analyze';
import { analyzeAmongNeighbours, analyzeInProject, projectContextOf } from '../../src/core/analyze-in-project';
import { analyzeForScan } from '../../src/core/scan-record';
import { DEFAULT_SETTINGS } from '../../src/core/config';
import { lexiconsFor } from '../../src/core/lexicons';
import { prepare } from '../../src/core/prepare';
import {
  buildProjectContext,
  contextFeatures,
  EMPTY_PROJECT_CONTEXT,
  MAX_CONTEXT_PERSONAS,
  parseProjectContext,
  projectContextBuilder,
} from '../../src/core/backlog/project-context';
import { contextReader, readsHold } from '../../src/core/backlog/context-reads';
import { personaRole } from '../../src/core/backlog/personas';
import { parseTemplate } from '../../src/core/template';
import type { StoryInput } from '../../src/core/story';

const TWIN = 'As a host, I want to reply to a review, so that guests hear my side.';
const BACKLOG: StoryInput[] = [
  { key: 'T-1', summary: TWIN, source: 'line' },
  { key: 'T-2', summary: TWIN, source: 'line' },
  { key: 'T-3', summary: 'As a diner, I want to see opening hours, so that I do not arrive at a closed door.', source: 'line' },
  { key: 'T-4', summary: 'Show the menu on the restaurant page', source: 'line' },
];

/** A product for developers: its developer stories are about using the product. */
const SDK: StoryInput[] = [
  { key: 'S-1', summary: 'As a developer, I want to install the SDK with one command, so that I can start in minutes.' },
  { key: 'S-2', summary: 'As a developer, I want to read the API reference offline, so that I can work on the train.' },
  { key: 'S-3', summary: 'As a developer, I want typed errors from the client, so that I can handle failures.' },
  { key: 'S-4', summary: 'As a developer, I want to publish a plugin to the marketplace, so that customers can install it.' },
  { key: 'S-5', summary: 'As a customer, I want to rate a plugin, so that others know what works.' },
];

describe('a story with an identical twin', () => {
  test('scores as it does alone in its project: the duplicate is a backlog finding beside it', () => {
    const report = analyze(BACKLOG);
    const context = projectContextOf(BACKLOG);
    const [first, second] = report.stories;
    expect(first!.backlogFindings.map((f) => f.ruleId)).toEqual(['duplicate']);
    expect(second!.backlogFindings[0]?.data.others).toBe('T-1');
    expect(first!.findings.map((f) => f.ruleId)).not.toContain('duplicate');
    const alone = analyzeStory(BACKLOG[0], DEFAULT_SETTINGS, context);
    expect(first!.score).toBe(alone.score);
    expect(first!.criteria).toEqual(alone.criteria);
    expect(second!.score).toBe(first!.score);
    // The same story with other neighbours: the same score and criteria.
    const elsewhere = analyze([BACKLOG[0]!, BACKLOG[2]!], DEFAULT_SETTINGS, context).stories[0]!;
    expect(elsewhere.backlogFindings).toEqual([]);
    expect(elsewhere.score).toBe(first!.score);
    expect(elsewhere.criteria).toEqual(first!.criteria);
  });

  test('the odd one out of a templated backlog gets non-uniform beside it, not in its score', () => {
    const report = analyze(BACKLOG);
    const odd = report.stories[3]!;
    expect(odd.backlogFindings.map((f) => f.ruleId)).toEqual(['non-uniform']);
    expect(odd.score).toBe(analyzeStory(BACKLOG[3], DEFAULT_SETTINGS, projectContextOf(BACKLOG)).score);
  });

  test('the panel path (among neighbours) and the scan path give the same score and criteria', () => {
    const context = projectContextOf(BACKLOG);
    const panel = analyzeAmongNeighbours(BACKLOG[0]!, BACKLOG.slice(1), DEFAULT_SETTINGS, context);
    const scan = analyzeForScan(BACKLOG[0], DEFAULT_SETTINGS, context).record;
    const trigger = analyzeInProject(BACKLOG[0], DEFAULT_SETTINGS, context).report;
    expect(panel.backlogFindings.map((f) => f.ruleId)).toEqual(['duplicate']);
    expect([panel.score, trigger.score]).toEqual([scan.score, scan.score]);
    expect(panel.criteria).toEqual(scan.criteria);
    expect(trigger.criteria).toEqual(scan.criteria);
  });

  test('a neighbour with the story\'s own key is the story itself, not its duplicate', () => {
    const panel = analyzeAmongNeighbours(BACKLOG[0]!, [BACKLOG[0]!, BACKLOG[2]!], DEFAULT_SETTINGS, EMPTY_PROJECT_CONTEXT);
    expect(panel.backlogFindings).toEqual([]);
  });
});

describe('the project context', () => {
  test('a builder role whose stories are mostly not team work is a user role; the score follows the context, not the neighbours', () => {
    const context = projectContextOf(SDK);
    // Four of its five stories are developers': the product serves them.
    expect(context.traits).toEqual(['builder-product']);
    expect(context.personaNames).toEqual(['developer', 'customer']);
    const publish = SDK[3]!;
    expect(analyze(SDK).stories[3]!.technical).toBe(false);
    expect(analyzeStory(publish, DEFAULT_SETTINGS, context).technical).toBe(false);
    // Without the project's context (a project never scanned) the settings alone decide.
    expect(analyzeStory(publish).technical).toBe(true);
    // Analyzed among two neighbours only, with the project's context: still the project's answer.
    expect(analyze([publish, SDK[4]!], DEFAULT_SETTINGS, context).stories[0]!.score).toBe(analyze(SDK).stories[3]!.score);
  });

  test('is built in chunks to the same result as at once', () => {
    const lex = lexiconsFor(DEFAULT_SETTINGS);
    const all = buildProjectContext(SDK.map((s, i) => prepare(s, i, lex)), lex);
    const builder = projectContextBuilder(lex);
    for (const chunk of [SDK.slice(0, 2), SDK.slice(2)]) for (const s of chunk) builder.add(contextFeatures(prepare(s, 0, lex), lex));
    expect(builder.finish()).toEqual(all);
    expect(projectContextOf(SDK)).toEqual(all);
  });

  test('records what a story read, and whether a newer context changes it', () => {
    const context = projectContextOf(SDK);
    const { reads } = analyzeInProject(SDK[3], DEFAULT_SETTINGS, EMPTY_PROJECT_CONTEXT);
    expect(reads).toContainEqual(['traits', 'builder-product', false]);
    expect(readsHold(reads, EMPTY_PROJECT_CONTEXT)).toBe(true);
    expect(readsHold(reads, context)).toBe(false);
    // A customer story reads nothing a context could change.
    const customer = analyzeInProject(SDK[4], DEFAULT_SETTINGS, EMPTY_PROJECT_CONTEXT).reads;
    expect(readsHold(customer, context)).toBe(true);
    const reader = contextReader(context);
    reader.has('personaNames', 'customer');
    reader.has('traits', 'builder-product');
    reader.has('personaNames', 'customer');
    expect(reader.reads()).toEqual([
      ['personaNames', 'customer', true],
      ['traits', 'builder-product', true],
    ]);
  });

  test('keeps the most frequent personas only, and drops sentences caught as roles', () => {
    const lex = lexiconsFor(DEFAULT_SETTINGS);
    const builder = projectContextBuilder(lex);
    for (let i = 0; i < MAX_CONTEXT_PERSONAS + 5; i++) builder.add({ role: `visitor ${i}`, teamWork: null });
    builder.add({ role: 'visitor 7', teamWork: null });
    builder.add({ role: `person who ${'x'.repeat(100)}`, teamWork: null });
    builder.add({ role: `person who ${'x'.repeat(100)}`, teamWork: null });
    const { personaNames } = builder.finish();
    expect(personaNames).toHaveLength(MAX_CONTEXT_PERSONAS);
    expect(personaNames[0]).toBe('visitor 7');
    expect(personaNames.some((p) => p.length > 80)).toBe(false);
  });

  test('a stored context is checked before use', () => {
    // A context stored by an earlier version (no vocabulary, no traits) reads as that context with nothing more.
    expect(parseProjectContext({ userRoles: ['developer'], personaNames: ['developer'] })).toEqual({ userRoles: ['developer'], personaNames: ['developer'], userVocabulary: [], userCoreVocabulary: [], traits: [] });
    expect(parseProjectContext({ userRoles: [], personaNames: [], traits: ['builder-product', 'unknown'] })?.traits).toEqual(['builder-product']);
    expect(parseProjectContext({ userRoles: 'developer', personaNames: [] })).toBeNull();
    expect(parseProjectContext(null)).toBeNull();
    expect(parseProjectContext({ userRoles: [1], personaNames: [] })).toBeNull();
  });
});

describe('personas come from story sentences only', () => {
  const description = 'As reported by Dana Whitfield: after closing the laptop the sync never resumes.';
  const reported: StoryInput = { key: 'X-1', summary: 'Sync stops after the laptop sleeps', description, source: 'issue' };

  test('a role with no goal ("As reported by …:") names no persona', () => {
    expect(parseTemplate(reported.summary, description).roleName).toBe('reported by dana whitfield');
    expect(personaRole(parseTemplate(reported.summary, description))).toBeNull();
    expect(personaRole(parseTemplate('As a host, I want to reply to a review'))).toBe('host');
  });

  test('analyze, the scan record and the project context leave it out', () => {
    const report = analyze([reported, BACKLOG[0]!]);
    expect(report.backlog.personas.map((p) => p.persona)).toEqual(['host']);
    expect(report.backlog.servesNobody).toEqual(['X-1']);
    expect(analyzeForScan(reported, DEFAULT_SETTINGS).record.role).toBeNull();
    expect(projectContextOf([reported, BACKLOG[0]!]).personaNames).toEqual(['host']);
    const lex = lexiconsFor(DEFAULT_SETTINGS);
    expect(contextFeatures(prepare(reported, 0, lex), lex).role).toBeNull();
  });
});
