/** A hand-made report for formatter tests: the engine is still being built, the formatters are not. */
import type { AnalysisReport, CriteriaScores, StoryReport } from '../../src/core/story';

const criteria = (n: number): CriteriaScores => ({
  independent: n,
  negotiable: n,
  valuable: n,
  estimable: n,
  small: n,
  testable: n,
  template: n,
});

export function sampleReport(): AnalysisReport {
  const stories: StoryReport[] = [
    {
      key: 'stories.txt:2',
      summary: 'As a birder, I want to log a sighting quickly so that I can map my finds',
      score: 58,
      criteria: { ...criteria(90), testable: 40, template: 100 },
      template: { form: 'role-goal-benefit', role: 'birder', goal: 'log a sighting quickly', benefit: 'I can map my finds' },
      technical: false,
      kind: 'user',
      findings: [
        {
          ruleId: 'vague-term',
          criterion: 'testable',
          severity: 'warn',
          messageId: 'vague',
          data: { term: 'quickly' },
          message: '"quickly" is vague: say how fast',
          field: 'summary',
          range: [38, 45],
        },
        {
          ruleId: 'missing-acceptance-criteria',
          criterion: 'testable',
          severity: 'error',
          messageId: 'missing',
          data: {},
          message: 'No acceptance criteria',
        },
      ],
      backlogFindings: [],
      rewrites: [],
      splits: [
        {
          pattern: 'workflow-steps',
          rationale: 'Logging and mapping are separate steps.',
          stories: [{ summary: 'As a birder, I want to log a sighting' }, { summary: 'As a birder, I want to see my sightings on a map' }],
          placeholders: [],
        },
      ],
    },
    {
      key: 'stories.txt:7',
      summary: 'Add caching to the species | lookup endpoint <b>now</b>',
      score: 35,
      criteria: { ...criteria(60), valuable: 10, template: 0 },
      template: { form: 'none', role: null, goal: null, benefit: null },
      technical: true,
      kind: 'technical',
      findings: [
        {
          ruleId: 'technical-story',
          criterion: 'valuable',
          severity: 'info',
          messageId: 'technical',
          data: {},
          message: 'Reads like a technical task',
          field: 'summary',
          range: [0, 7],
        },
      ],
      backlogFindings: [],
      rewrites: [
        {
          kind: 'enabler',
          summary: 'As a birder, I want species suggestions to appear as I type, so that <why?>',
          rationale: 'Say who benefits from the cache.',
          placeholders: ['<why?>'],
        },
      ],
      splits: [],
    },
    {
      key: 'stories.txt:4',
      summary: 'As a group leader, I want to share a checklist with my group',
      score: 100,
      criteria: criteria(100),
      template: { form: 'i-want', role: 'group leader', goal: 'share a checklist', benefit: null },
      technical: false,
      kind: 'user',
      findings: [],
      backlogFindings: [],
      rewrites: [],
      splits: [],
    },
  ];
  return {
    tool: { name: 'story-health', version: '9.9.9', engineVersion: '9.9.8' },
    stories,
    backlog: {
      count: 3,
      failed: [],
      score: 64,
      criteria: criteria(70),
      technicalCount: 1,
      duplicates: [{ keys: ['stories.txt:2', 'stories.txt:4'], similarity: 0.81 }],
      personas: [{ persona: 'birder', count: 1, keys: ['stories.txt:2'] }],
      servesNobody: ['stories.txt:7'],
      dependencyCycles: [],
      longestBlockedChain: [],
      uniformity: { dominantForm: 'role-goal-benefit', share: 0.67 },
      scoreHistogram: [0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1],
      ruleCounts: { 'vague-term': 1, 'missing-acceptance-criteria': 1, 'technical-story': 1 },
    },
  };
}

/** Collects what `main` writes. */
export function captureIO(extra: Record<string, unknown> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s), env: {}, ...extra },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
