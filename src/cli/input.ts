/**
 * The stories a command works on: every input file read (problems collected, never thrown), then
 * only the issue types the settings check (`issueTypes`, default Story), as the Jira app checks
 * them. An issue without a type (a .txt line, an export without an issue type column, an empty
 * cell) is taken for a story and checked. What was skipped is listed, never silently dropped.
 */
import * as path from 'node:path';
import type { Settings } from '../core/config';
import type { StoryInput } from '../core/story';
import { isCheckedType } from '../app/panel-analyze';
import { plural } from '../render/view/text';
import { readStoryFile, type ReadFileFn } from './readers';
import { DEFAULT_MAX_INPUT_MB, inputBudget } from './io';
import type { ReadError, SourceLocation } from './readers/types';

/** An issue left out because its type is not one the settings check. */
export interface SkippedIssue {
  key: string;
  issueType: string;
  file: string;
  line?: number;
}

export interface CommandInput {
  stories: StoryInput[];
  /** `locations[i]` is where `stories[i]` came from. */
  locations: SourceLocation[];
  errors: ReadError[];
  skipped: SkippedIssue[];
}

/** As the Jira app decides (isCheckedType), except that an issue with no type is taken for a story. */
export function isChecked(story: StoryInput, settings: Settings): boolean {
  const type = story.issueType?.trim();
  return !type || isCheckedType(type, settings);
}

/** Reads `files` in order; `onError` hears each read problem as it is found. */
/** How much input may be read, all files together, and how to learn a file's size before reading it. */
export interface InputLimit {
  maxInputSizeMb: number;
  fileSize: (absolutePath: string) => Promise<number>;
}

export async function readInput(
  files: readonly string[],
  settings: Settings,
  readFile: ReadFileFn,
  cwd: string,
  onError: (e: ReadError) => void = () => {},
  limit?: InputLimit,
): Promise<CommandInput> {
  const input: CommandInput = { stories: [], locations: [], errors: [], skipped: [] };
  const budget = inputBudget(limit?.maxInputSizeMb ?? DEFAULT_MAX_INPUT_MB);
  for (const file of files) {
    const sizeOf = limit?.fileSize;
    const result = await readStoryFile(file, (p) => readFile(path.resolve(cwd, p)), { ...budget.options(), ...(sizeOf ? { size: (p: string) => sizeOf(path.resolve(cwd, p)) } : {}) });
    budget.spend(result.bytes);
    result.stories.forEach((story, i) => {
      const location = result.locations[i] ?? { file };
      if (!isChecked(story, settings)) {
        const skipped: SkippedIssue = { key: story.key ?? `${location.file}:${location.line ?? '?'}`, issueType: story.issueType!.trim(), file: location.file };
        if (location.line !== undefined) skipped.line = location.line;
        input.skipped.push(skipped);
        return;
      }
      input.stories.push(story);
      input.locations.push(location);
    });
    for (const e of result.errors) {
      input.errors.push(e);
      onError(e);
    }
  }
  return input;
}

const KEYS_SHOWN = 10;

/** "3 issues skipped, their types are not checked: Bug 2 (LIB-2, LIB-5), Task 1 (LIB-7); checked: Story (settings issueTypes)." */
export function describeSkipped(skipped: readonly SkippedIssue[], checkedTypes: readonly string[]): string {
  const byType = new Map<string, string[]>();
  for (const s of skipped) byType.set(s.issueType, [...(byType.get(s.issueType) ?? []), s.key]);
  const types = [...byType]
    .sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1))
    .map(([type, keys]) => `${type} ${keys.length} (${keys.slice(0, KEYS_SHOWN).join(', ')}${keys.length > KEYS_SHOWN ? `, and ${keys.length - KEYS_SHOWN} more` : ''})`);
  return `${plural(skipped.length, 'issue')} skipped, their types are not checked: ${types.join(', ')}; checked: ${checkedTypes.join(', ')} (settings issueTypes).`;
}

/** Why a command found nothing to analyze, for stderr. */
export function noStoriesMessage(source: string, input: Pick<CommandInput, 'errors' | 'skipped'>, settings: Settings): string {
  const why: string[] = [];
  if (input.errors.length) why.push(`${plural(input.errors.length, 'problem')} reading the input (above)`);
  if (input.skipped.length) why.push(describeSkipped(input.skipped, settings.issueTypes));
  return `no stories found in ${source}${why.length ? `: ${why.join('; ')}` : ''}`;
}

/** The input files in a line: "a.csv, b.txt" or "a.csv, b.txt, c.json and 2 more files". */
export function describeFiles(files: readonly string[]): string {
  const names = files.map((f) => path.basename(f));
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more files` : names.join(', ');
}
