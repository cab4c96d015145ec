/** Forge entry points, named in manifest.yml. This file only re-exports. */
export { handler as resolver } from './resolver';
export { handler as onIssueSaved } from './triggers/on-issue-saved';
export { handler as scanConsumer } from './consumers/scan';
export { handler as issueContextStatus } from './issue-context';
export { checkStoryAction, suggestRewriteAction, suggestSplitAction, backlogHealthAction } from './agent';
