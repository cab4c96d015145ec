/**
 * The collapsed issue context's status (manifest `dynamicProperties`): what Jira passes the
 * function, and what it must return (Forge "Jira issue context" reference, "Dynamic properties").
 */
import { z } from 'zod';
import { issueKeySchema } from './panel';

/** Jira's payload: `{ cloudId, extension: { type, issue: { id, key, type, typeId }, project: { id, key, type } } }`. Only the key is needed. */
export const issueContextPayloadSchema = z.object({
  extension: z.object({
    issue: z.object({ key: issueKeySchema }),
  }),
});

/** Lozenge appearances the status accepts (`status.value.type`). */
export type LozengeAppearance = 'default' | 'inprogress' | 'moved' | 'new' | 'removed' | 'success';

/** What the function returns: Jira shows `status` to the right of the module's label. */
export interface IssueContextProperties {
  status: { type: 'lozenge'; value: { label: string; type: LozengeAppearance } };
}
