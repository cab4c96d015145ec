/** panel/analyze and panel/draft: the issue as the user may see it, scored with the project's settings. */
import { analyze, analyzeStory } from '../core/analyze';
import { normalizeDescription } from '../core/text';
import type { Settings } from '../core/config';
import type { StoryInput } from '../core/story';
import { ok, fail, type Envelope } from '../contract/envelope';
import { analyzeRequest, draftRequest, type DraftResult, type PanelAnalysis } from '../contract/panel';
import type { CallContext, Deps } from './ports';
import { readIssue } from './issue-reader';
import { issueToStory, jqlString } from '../jira';
import type { JiraClient } from '../jira/types';
import { loadSettings } from './settings-store';
import { parsePayload } from './validate';

export const UNDO_PROPERTY = 'storyHealthUndo';

export function isCheckedType(issueType: string | undefined, settings: Settings): boolean {
  const t = (issueType ?? '').toLowerCase();
  return settings.issueTypes.some((x) => x.toLowerCase() === t);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** How many of the project's stories give the panel its backlog context. */
export const NEIGHBOURS = 100;

/** The project's most recently updated stories of the checked types, as the user may see them. */
async function backlogNeighbours(jira: JiraClient, projectKey: string, key: string, settings: Settings): Promise<StoryInput[]> {
  const page = await jira.searchJql({
    jql: `project = ${jqlString(projectKey)} AND issuetype in (${settings.issueTypes.map(jqlString).join(', ')}) AND key != ${key} ORDER BY updated DESC`,
    fields: ['summary', 'description', 'issuetype', 'issuelinks'],
    maxResults: NEIGHBOURS,
  });
  return page.issues.map((i) => ({ ...issueToStory(i, {}), key: i.key, source: 'line' as const }));
}

export async function panelAnalyze(payload: unknown, _ctx: CallContext, deps: Deps): Promise<Envelope<PanelAnalysis>> {
  const req = parsePayload(analyzeRequest, payload);
  if (!('value' in req)) return req;
  const jira = deps.asUser();
  const { issue, story } = await readIssue(jira, deps.store, deps.now(), req.value.issueKey);
  const project = issue.fields.project as { key?: string } | undefined;
  const projectKey = project?.key ?? req.value.issueKey.split('-')[0]!;
  const settings = await loadSettings(deps.store, projectKey);
  const [undo, permissions] = await Promise.all([
    jira.getIssueProperty(issue.key, UNDO_PROPERTY),
    jira.myPermissions({ issueKey: issue.key, permissions: ['EDIT_ISSUES'] }),
  ]);
  const neighbours = await backlogNeighbours(jira, projectKey, issue.key, settings);
  // Analyzed with its project's recent stories, so duplicates, uniformity, personas and the user
  // story a technical story serves ("make it a task of KEY") can be found. A neighbour the engine
  // cannot analyze is only left out; this story's own failure is the panel's error state.
  const report = analyze([...neighbours, { ...story, key: issue.key }], settings).stories.at(-1)!;
  if (report.failed) return engineError(issue.key, report.failed.message);
  const parent = issue.fields.parent as { key?: string } | undefined;
  return ok({
    issue: {
      key: issue.key,
      summary: str(issue.fields.summary),
      description: normalizeDescription(issue.fields.description).text,
      issueType: story.issueType ?? '',
      projectKey,
      updated: str(issue.fields.updated),
      parentKey: parent?.key ?? null,
    },
    isStory: isCheckedType(story.issueType, settings),
    report,
    canUndo: undo !== null,
    canEdit: permissions.EDIT_ISSUES === true,
  });
}

/** Scores a draft rewrite as the user types. Reads nothing from Jira but the project's settings. */
export async function panelDraft(payload: unknown, ctx: CallContext, deps: Deps): Promise<Envelope<DraftResult>> {
  const req = parsePayload(draftRequest, payload);
  if (!('value' in req)) return req;
  const projectKey = ctx.projectKey ?? req.value.issueKey.split('-')[0]!;
  if (!/^[A-Z][A-Z0-9_]+$/.test(projectKey)) return fail('invalid-payload', 'Unknown project.', 'issueKey');
  const settings = await loadSettings(deps.store, projectKey);
  const input: StoryInput = { key: req.value.issueKey, summary: req.value.summary, source: 'issue', storyPoints: undefined };
  if (req.value.description !== undefined) input.description = req.value.description;
  const report = analyzeStory(input, settings);
  return report.failed ? engineError(req.value.issueKey, report.failed.message, 'this draft') : ok(report);
}

/** The panel's error state for a story the engine could not analyze: it names the story and the error. */
function engineError(key: string, message: string, what = key): Envelope<never> {
  return fail('engine-error', `Story Health could not analyze ${what === key ? key : `${what} of ${key}`} (${message}). Nothing else is affected; please report this with the story's text.`);
}
