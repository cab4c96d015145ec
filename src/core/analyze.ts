/** Entry points of the engine. (Work in progress: the rule pipeline is being wired in.) */
import type { AnalysisReport, StoryInput } from './story';
import type { SettingsInput } from './config';

export const ENGINE_VERSION = '0.1.0';

export function analyze(inputs: StoryInput[], _settings?: SettingsInput): AnalysisReport {
  return {
    tool: { name: 'story-health', version: ENGINE_VERSION, engineVersion: ENGINE_VERSION },
    stories: inputs.map((input, i) => ({
      key: input.key ?? String(i + 1),
      summary: input.summary,
      score: 100,
      criteria: { independent: 100, negotiable: 100, valuable: 100, estimable: 100, small: 100, testable: 100, template: 100 },
      template: { form: 'none', role: null, goal: null, benefit: null },
      technical: false,
      findings: [],
      rewrites: [],
      splits: [],
    })),
    backlog: {
      count: inputs.length, score: 100,
      criteria: { independent: 100, negotiable: 100, valuable: 100, estimable: 100, small: 100, testable: 100, template: 100 },
      technicalCount: 0, duplicates: [], personas: [], servesNobody: [], dependencyCycles: [], longestBlockedChain: [],
      uniformity: { dominantForm: 'none', share: 0 }, scoreHistogram: new Array(11).fill(0), ruleCounts: {},
    },
  };
}
