/**
 * The Jira REST v3 client's vocabulary: requests go through an injected transport (Forge
 * `requestJira` as app or as user, `fetch` with Basic auth, or the local emulator), so the same
 * client runs in Forge functions, the CLI and the preview host.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface JiraRequest {
  method: HttpMethod;
  /** Path starting with `/rest/api/3/…`, already encoded (the client encodes every component). */
  path: string;
  /** JSON body for POST/PUT. */
  body?: unknown;
  signal?: AbortSignal;
}

export interface JiraResponse {
  status: number;
  /** Header names lower-cased. */
  headers: Record<string, string>;
  /** Raw response text (JSON for Jira, may be empty). */
  text: string;
}

export type Transport = (request: JiraRequest) => Promise<JiraResponse>;

export interface JiraIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  /** Entity properties asked for with `properties=`. */
  properties?: Record<string, unknown>;
}

export interface SearchParams {
  jql: string;
  fields?: string[];
  properties?: string[];
  maxResults?: number;
  nextPageToken?: string;
  /**
   * Issue ids (at most 50) the search must see as they are now: search is eventually consistent,
   * so an issue written a moment ago may otherwise match (or show) as it was.
   */
  reconcileIssues?: number[];
}

/** What `POST /issue/bulkfetch` returns: the issues the caller may see (missing and hidden ones are left out). */
export interface BulkFetchResult {
  issues: JiraIssue[];
  /** Ids or keys Jira could not return for a passing reason (retry later); not the hidden ones. */
  failed: string[];
}

/** An issue type a project offers for creating issues (`createmeta/{project}/issuetypes`). */
export interface IssueTypeMeta {
  id: string;
  name: string;
  subtask: boolean;
  hierarchyLevel?: number;
}

/** A field on a project's create screen for one issue type. */
export interface CreateFieldMeta {
  fieldId: string;
  name: string;
  required: boolean;
  schema?: { type?: string; custom?: string; customId?: number; system?: string };
}

export interface SearchPage {
  issues: JiraIssue[];
  nextPageToken?: string;
  isLast: boolean;
}

export interface JiraField {
  id: string;
  name: string;
  custom: boolean;
  schema?: { type?: string; custom?: string; customId?: number };
}

export interface IssueLinkInput {
  type: { name: string };
  inwardIssue: { key: string };
  outwardIssue: { key: string };
}

export interface JiraClient {
  /** POST /rest/api/3/search/jql (one page). */
  searchJql(params: SearchParams): Promise<SearchPage>;
  /** POST /rest/api/3/issue/bulkfetch (at most 100 keys or ids): the issues the caller may see. */
  bulkFetchIssues(keys: string[], params?: { fields?: string[]; properties?: string[] }): Promise<BulkFetchResult>;
  /** GET /rest/api/3/issue/createmeta/{project}/issuetypes, every page: the types the caller may create. */
  createMetaIssueTypes(projectKey: string): Promise<IssueTypeMeta[]>;
  /** GET /rest/api/3/issue/createmeta/{project}/issuetypes/{id}, every page: the create screen's fields. */
  createMetaFields(projectKey: string, issueTypeId: string): Promise<CreateFieldMeta[]>;
  /** GET /rest/api/3/issue/{key}. */
  getIssue(key: string, params?: { fields?: string[]; properties?: string[] }): Promise<JiraIssue>;
  /** PUT /rest/api/3/issue/{key}. */
  editIssue(key: string, body: { fields?: Record<string, unknown>; update?: Record<string, unknown> }): Promise<void>;
  /** POST /rest/api/3/issue. */
  createIssue(body: { fields: Record<string, unknown> }): Promise<{ id: string; key: string }>;
  /** POST /rest/api/3/issue/{key}/comment with an ADF body. */
  addComment(key: string, body: { type: 'doc'; version: 1; content: unknown[] }): Promise<{ id: string }>;
  /** GET /rest/api/3/issue/{key}/properties/{propertyKey}; `null` when the property is not set. */
  getIssueProperty<T = unknown>(key: string, propertyKey: string): Promise<T | null>;
  /** PUT /rest/api/3/issue/{key}/properties/{propertyKey}. */
  setIssueProperty(key: string, propertyKey: string, value: unknown): Promise<void>;
  /** The transitions the user may take from the issue's status. */
  getTransitions(key: string): Promise<{ id: string; name: string; to: string }[]>;
  /** Takes a transition; a workflow validator's refusal is a `bad-request` JiraError carrying its message. */
  transitionIssue(key: string, transitionId: string): Promise<void>;
  /** A project entity property's value; null when the project has no such property. */
  getProjectProperty<T = unknown>(projectKey: string, propertyKey: string): Promise<T | null>;
  /** Sets a project entity property (needs Administer Projects). */
  setProjectProperty(projectKey: string, propertyKey: string, value: unknown): Promise<void>;
  /** DELETE /rest/api/3/issue/{key}/properties/{propertyKey}; no error when it was not set. */
  deleteIssueProperty(key: string, propertyKey: string): Promise<void>;
  /** GET /rest/api/3/field. */
  getFields(): Promise<JiraField[]>;
  /** POST /rest/api/3/issueLink. */
  createIssueLink(link: IssueLinkInput): Promise<void>;
  /** GET /rest/api/3/mypermissions; returns permission key -> havePermission. */
  myPermissions(params: { projectKey?: string; issueKey?: string; permissions: string[] }): Promise<Record<string, boolean>>;
}
