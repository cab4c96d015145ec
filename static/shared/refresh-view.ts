/**
 * After the app changes the issue, Jira's own issue view still shows the old summary, links and
 * labels until it is told to read them again: `view.refresh()` of `@forge/bridge`, which Jira's
 * issue view modules (`jira:issueContext` among them) answer; anywhere else the bridge rejects it
 * ("this resource's view is not refreshable"). Never throws: the write itself already succeeded.
 */
import { view } from '@forge/bridge';

export async function refreshIssueView(): Promise<boolean> {
  try {
    await view.refresh();
    return true;
  } catch {
    return false;
  }
}
