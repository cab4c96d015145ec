/**
 * One story in its project, for the surfaces that see one story at a time (checks on save, the
 * panel, the scan): scored with the project context, so every surface gives the same story the same
 * score; the panel adds backlog findings from the neighbours it loaded, which never change the score.
 */
import { analyzePrepared, resolveSettings } from './analyze';
import type { Settings, SettingsInput } from './config';
import { lexiconsFor } from './lexicons';
import { prepare } from './prepare';
import type { StoryInput, StoryReport } from './story';
import { buildBacklogContext } from './backlog/summary';
import { contextFeatures, projectContextBuilder, type ProjectContext } from './backlog/project-context';
import { contextReader, type ContextRead } from './backlog/context-reads';

/** The story's report, and what its analysis read from the project context (for the property's content hash). */
export function analyzeInProject(input: StoryInput | unknown, settingsInput: SettingsInput | Settings | undefined, context: ProjectContext): { report: StoryReport; reads: ContextRead[] } {
  const settings = resolveSettings(settingsInput);
  const lex = lexiconsFor(settings);
  const reader = contextReader(context);
  const report = analyzePrepared(prepare(input, 0, lex), settings, lex, reader, null);
  return { report, reads: reader.reads() };
}

/**
 * The story scored with the project context, plus the backlog findings and the served story that
 * comparing it with `neighbours` shows. A neighbour with the story's own key is the story itself and
 * is left out.
 */
export function analyzeAmongNeighbours(
  input: StoryInput,
  neighbours: readonly StoryInput[],
  settingsInput: SettingsInput | Settings | undefined,
  context: ProjectContext,
): StoryReport {
  const settings = resolveSettings(settingsInput);
  const lex = lexiconsFor(settings);
  const others = neighbours.filter((n) => input.key === undefined || n.key !== input.key).map((n, i) => prepare(n, i, lex));
  const story = prepare(input, others.length, lex);
  const backlog = buildBacklogContext([...others, story], lex, context);
  return analyzePrepared(story, settings, lex, contextReader(context), backlog);
}

/** The project context of a set of stories, prepared one at a time (nothing is kept but the builder's counts). */
export function projectContextOf(inputs: Iterable<StoryInput | unknown>, settingsInput?: SettingsInput | Settings): ProjectContext {
  const settings = resolveSettings(settingsInput);
  const lex = lexiconsFor(settings);
  const builder = projectContextBuilder(lex);
  let i = 0;
  for (const input of inputs) builder.add(contextFeatures(prepare(input, i++, lex), lex));
  return builder.finish();
}
