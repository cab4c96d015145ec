/**
 * Reads a sample project file, validates it with the shared schema, checks what a schema cannot
 * (unique keys, links and parents that point at issues of the file) and mirrors links, so each
 * link shows on both of its issues as in Jira. Errors name the file and the field at fault.
 */
import { promises as fs } from 'node:fs';
import { sampleIssueSchema, sampleProjectFileSchema, type SampleIssue, type SampleProjectFile } from '../sample/schema';

export class ProjectFileError extends Error {
  override readonly name = 'ProjectFileError';
}

function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : `${text ? '.' : ''}${String(part)}`;
  return text || '(top level)';
}

export function projectKeyOf(issueKey: string): string {
  return issueKey.slice(0, issueKey.lastIndexOf('-'));
}

function mirrorLinks(issues: SampleIssue[]): void {
  const byKey = new Map(issues.map((i) => [i.key, i]));
  for (const issue of issues) {
    for (const link of [...issue.links]) {
      const other = byKey.get(link.key);
      if (!other) continue;
      const direction = link.direction === 'inward' ? 'outward' : 'inward';
      if (!other.links.some((l) => l.type === link.type && l.direction === direction && l.key === issue.key)) {
        other.links.push({ type: link.type, direction, key: issue.key });
      }
    }
  }
}

function checkReferences(data: SampleProjectFile): string[] {
  const problems: string[] = [];
  const projects = new Set<string>();
  data.projects.forEach((p, i) => {
    if (projects.has(p.key)) problems.push(`projects[${i}].key: ${p.key} is listed twice`);
    projects.add(p.key);
  });
  if (new Set(data.projects.map((p) => p.id)).size !== data.projects.length) problems.push('projects: two projects share an id');
  const users = new Set<string>();
  data.users.forEach((u, i) => {
    if (users.has(u.accountId)) problems.push(`users[${i}].accountId: ${u.accountId} is listed twice`);
    users.add(u.accountId);
    for (const key of Object.keys(u.projects)) if (!projects.has(key)) problems.push(`users[${i}].projects: ${key} is not a project of the file`);
  });
  const { storyPoints, acceptanceCriteria, extraStoryPoints = [] } = data.fields;
  const pointIds = [storyPoints.id, ...extraStoryPoints.map((f) => f.id)];
  if (new Set(pointIds).size !== pointIds.length) problems.push('fields.extraStoryPoints: two story points fields share an id');
  if (acceptanceCriteria && pointIds.includes(acceptanceCriteria.id)) problems.push('fields.acceptanceCriteria.id: the same id as a story points field');
  data.projects.forEach((p, i) => {
    if (p.storyPointsField !== undefined && !pointIds.includes(p.storyPointsField)) problems.push(`projects[${i}].storyPointsField: ${p.storyPointsField} is not a story points field of the file`);
  });
  const keys = new Set<string>();
  data.issues.forEach((issue, i) => {
    if (keys.has(issue.key)) problems.push(`issues[${i}].key: ${issue.key} is listed twice`);
    keys.add(issue.key);
    if (!projects.has(projectKeyOf(issue.key))) problems.push(`issues[${i}].key: ${issue.key} belongs to no project of the file`);
  });
  data.issues.forEach((issue, i) => {
    if (issue.parent !== undefined && !keys.has(issue.parent)) problems.push(`issues[${i}].parent: ${issue.parent} is not an issue of the file`);
    if (issue.parent === issue.key) problems.push(`issues[${i}].parent: an issue cannot be its own parent`);
    issue.links.forEach((link, j) => {
      if (!keys.has(link.key)) problems.push(`issues[${i}].links[${j}].key: ${link.key} is not an issue of the file`);
      if (link.key === issue.key) problems.push(`issues[${i}].links[${j}].key: an issue cannot link to itself`);
    });
  });
  return problems;
}

/** Validates parsed JSON as a sample project; `source` names it in errors. */
export function validateProject(value: unknown, source: string): SampleProjectFile {
  const parsed = sampleProjectFileSchema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((issue) => `${pathText(issue.path)}: ${issue.message}`);
    if (parsed.error.issues.length > 5) lines.push(`and ${parsed.error.issues.length - 5} more`);
    throw new ProjectFileError(`${source} is not a valid sample project: ${lines.join('; ')}`);
  }
  const problems = checkReferences(parsed.data);
  if (problems.length) throw new ProjectFileError(`${source} is not a valid sample project: ${problems.slice(0, 5).join('; ')}`);
  mirrorLinks(parsed.data.issues);
  return parsed.data;
}

/** Validates one edited issue of `data` (schema, and that its parent and links exist). */
export function validateIssue(data: SampleProjectFile, issue: unknown, source: string): SampleIssue {
  const parsed = sampleIssueSchema.safeParse(issue);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((i) => `${pathText(i.path)}: ${i.message}`);
    throw new ProjectFileError(`${source} is not a valid sample project: ${lines.join('; ')}`);
  }
  const keys = (key: string) => data.issues.some((i) => i.key === key);
  const refs = [parsed.data.parent, ...parsed.data.links.map((l) => l.key)].filter((k): k is string => k !== undefined);
  const unknown = refs.filter((k) => !keys(k));
  if (unknown.length) throw new ProjectFileError(`${source} is not a valid sample project: ${parsed.data.key} refers to missing issues ${unknown.join(', ')}`);
  return parsed.data;
}

export async function loadProjectFile(file: string): Promise<SampleProjectFile> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ProjectFileError(`Cannot read the sample project ${file}${code ? ` (${code})` : ''}.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ProjectFileError(`${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  return validateProject(value, file);
}
