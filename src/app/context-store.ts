/**
 * The project context in the store: built by the backlog scan from every story of the project, read
 * by the save trigger and the panel, so each scores a story as the scan does. A project never
 * scanned (or a stored value that no longer validates) gets the empty context: the settings alone.
 */
import { EMPTY_PROJECT_CONTEXT, parseProjectContext, type ProjectContext } from '../core/backlog/project-context';
import type { Store } from './ports';

export const contextKey = (projectKey: string) => `context:${projectKey}`;

export interface StoredContext {
  context: ProjectContext;
  /** When the scan that built it finished, and how many stories it saw. */
  builtAt: string;
  stories: number;
}

export async function loadProjectContext(store: Store, projectKey: string): Promise<ProjectContext> {
  const raw = await store.get<Partial<StoredContext>>(contextKey(projectKey));
  return parseProjectContext(raw?.context) ?? EMPTY_PROJECT_CONTEXT;
}

export async function saveProjectContext(store: Store, projectKey: string, value: StoredContext): Promise<void> {
  await store.set(contextKey(projectKey), value);
}
