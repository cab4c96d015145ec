/** The sample project (src/preview/sample/project.json) as story inputs, for the eval and bench. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toStory } from '../../src/core/to-story';
import type { StoryInput } from '../../src/core/story';
import type { SampleProjectFile } from '../../src/preview/sample/schema';
import { REPO_ROOT } from './datasets';

export function loadSampleProject(): SampleProjectFile {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'src', 'preview', 'sample', 'project.json'), 'utf8')) as SampleProjectFile;
}

function parentFields(parent: { summary: string; issueType: string } | undefined): Pick<StoryInput, 'parentSummary' | 'parentType'> {
  return parent ? { parentSummary: parent.summary, parentType: parent.issueType } : {};
}

/** The sample's issues of type Story and Task as the app reads them, and each one's acceptance criteria. */
export function sampleStoryInputs(sample: SampleProjectFile): { inputs: StoryInput[]; criteria: Map<string, string[]> } {
  const byKey = new Map(sample.issues.map((i) => [i.key, i]));
  const inputs: StoryInput[] = sample.issues
    .filter((i) => i.issueType === 'Story' || i.issueType === 'Task')
    .map((i) => ({
      key: i.key,
      summary: i.summary,
      description: i.description ?? undefined,
      issueType: i.issueType,
      storyPoints: i.storyPoints,
      labels: i.labels,
      links: i.links,
      // Jira's parent field carries the parent's summary and type, as the emulator's does.
      ...(i.parent ? { parent: i.parent, ...parentFields(byKey.get(i.parent)) } : {}),
      source: 'issue' as const,
    }));
  const criteria = new Map(inputs.map((s, i) => [s.key!, toStory(s, i).acceptanceCriteria]));
  return { inputs, criteria };
}
