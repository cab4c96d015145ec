export * from './types';
export { JiraError, isJiraError, type JiraErrorCode, type CallContext } from './errors';
export { createJiraClient, type JiraClientOptions } from './client';
export { RETRY_DEFAULTS, type RetryOptions } from './retry';
export { parseRetryAfter } from './retry-after';
export { fetchTransport, emulatorTransport, forgeTransport, type FetchLike, type FetchTransportOptions, type EmulatorIdentity } from './transports';
export { discoverFields, pickStoryFields, type StoryFieldIds } from './fields';
export { issueToStory, linksOf, STORY_FIELDS } from './mapping';
export { jqlString, storiesJql } from './jql';
