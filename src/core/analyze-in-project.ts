/**
 * One story in its project, for the surfaces that see one story at a time (checks on save, the
 * panel, the scan): scored with the project context, so every surface gives the same story the same
 * score; the panel adds backlog findings from the neighbours it loaded, which never change the score.
 * Never throws for a story: one the engine cannot analyze gets an `engine-error` report, and a
 * neighbour the engine cannot read is left out.
 */
import { analyzePrepared, prepareSafely, resolveSettings } from './analyze';
import type { Settings, SettingsInput } from './config';
import { failedStoryReport } from './engine-error';
import { ENGINE_PARTS, type EngineParts } from './engine-parts';
import { lexiconsFor } from './lexicons';
import type { Prepared } from './prepare';
import type { StoryInput, StoryReport } from './story';
import { contextFeatures, projectContextBuilder, type ProjectContext } from './backlog/project-context';
import { contextReader, type ContextRead } from './backlog/context-reads';

/** The story's report, and what its analysis read from the project context (for the property's content hash). */
export function analyzeInProject(
  input: StoryInput | unknown,
  settingsInput: SettingsInput | Settings | undefined,
  context: ProjectContext,
  parts: EngineParts = ENGINE_PARTS,
): { report: StoryReport; reads: ContextRead[] } {
  const settings = resolveSettings(settingsInput);
  const lex = lexiconsFor(settings);
  const slot = prepareSafely(input, 0, lex, parts);
  if (!slot.ok) return { report: failedStoryReport(slot.key, slot.summary, 'prepare', slot.error), reads: [] };
  const reader = contextReader(context);
  // Checks on save store the score, not suggestions: they are not built.
  const report = analyzePrepared(slot.p, settings, lex, reader, null, { parts, suggestions: false });
  return { report, reads: reader.reads() };
}

/**
 * The story scored with the project context, plus the backlog findings and the served story that
 * comparing it with `neighbours` shows. A neighbour with the story's own key is the story itself and
 * is left out; so is a neighbour the engine cannot read, and the comparison when it fails.
 */
export function analyzeAmongNeighbours(
  input: StoryInput,
  neighbours: readonly StoryInput[],
  settingsInput: SettingsInput | Settings | undefined,
  context: ProjectContext,
  parts: EngineParts = ENGINE_PARTS,
): StoryReport {
  const settings = resolveSettings(settingsInput);
  const lex = lexiconsFor(settings);
  const others: Prepared[] = [];
  for (const n of neighbours) {
    if (input.key !== undefined && n.key === input.key) continue;
    const slot = prepareSafely(n, others.length, lex, parts);
    if (slot.ok) others.push(slot.p);
  }
  const slot = prepareSafely(input, others.length, lex, parts);
  if (!slot.ok) return failedStoryReport(slot.key, slot.summary, 'prepare', slot.error);
  let backlog = null;
  try {
    backlog = parts.buildBacklogContext([...others, slot.p], lex, context);
  } catch {
    // Only the backlog findings are lost: the story is scored as the other surfaces score it.
  }
  return analyzePrepared(slot.p, settings, lex, contextReader(context), backlog, { parts });
}

/** The project context of a set of stories, prepared one at a time (nothing is kept but the builder's counts); a story the engine cannot read is left out. */
export function projectContextOf(inputs: Iterable<StoryInput | unknown>, settingsInput?: SettingsInput | Settings, parts: EngineParts = ENGINE_PARTS): ProjectContext {
  const settings = resolveSettings(settingsInput);
  const lex = lexiconsFor(settings);
  const builder = projectContextBuilder(lex);
  let i = 0;
  for (const input of inputs) {
    const slot = prepareSafely(input, i++, lex, parts);
    if (!slot.ok) continue;
    try {
      builder.add(contextFeatures(slot.p, lex));
    } catch {
      // left out of the context: its own analysis reports the failure
    }
  }
  return builder.finish();
}
