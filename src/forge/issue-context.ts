/** Forge `dynamicProperties` function of the issue context module: the score lozenge (app/issue-status.ts). */
import { issueContextStatus } from '../app/issue-status';
import { forgeDeps } from './runtime';

export async function handler(payload: unknown): Promise<unknown> {
  return issueContextStatus(payload, forgeDeps());
}
