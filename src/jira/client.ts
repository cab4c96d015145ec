/**
 * The Jira Cloud REST v3 client: every call of `JiraClient` with Jira's own request and response
 * shapes, over an injected transport (Forge `requestJira`, `fetch` with Basic auth, the emulator).
 * Arguments are checked before any request; failures are JiraErrors (see errors.ts); retries and
 * the time budget are retry.ts's.
 */
import { isRecord } from '../core/is-record';
import { errorFromResponse, invalidArgument, type CallContext } from './errors';
import { apiPath, checkIssueKey, checkListItem, checkPermissionKey, checkProjectKey, checkPropertyKey, query } from './keys';
import { JiraError } from './errors';
import {
  readBulkFetch,
  readComment,
  readCreated,
  readCreateFieldPage,
  readFields,
  readIssue,
  readIssueTypePage,
  readPermissions,
  readPropertyKeys,
  readPropertyValue,
  readSearchPage,
  type Paged,
} from './responses';
import { retrySettings, sendWithRetry, type RetryOptions } from './retry';
import type { CreateFieldMeta, HttpMethod, IssueLinkInput, IssueTypeMeta, JiraClient, JiraResponse, SearchParams, Transport } from './types';

export interface JiraClientOptions {
  retry?: RetryOptions;
}

/** `search/jql` returns at most 5 000 issues per page (ids only); with fields, 100. */
const MAX_SEARCH_RESULTS = 5000;
/** `reconcileIssues` takes at most 50 issue ids. */
export const MAX_RECONCILE_ISSUES = 50;
/** `issue/bulkfetch` takes at most 100 issues per call (in the shape this client sends). */
export const MAX_BULK_FETCH = 100;
/** Pages read of one paged metadata list before giving up (a project with 10 000 fields is not real). */
const MAX_META_PAGES = 50;

function checkList(kind: string, items: unknown): string[] | undefined {
  if (items === undefined) return undefined;
  if (!Array.isArray(items)) throw invalidArgument(`Invalid ${kind} list: expected an array of names.`);
  return items.map((item) => checkListItem(kind, item));
}

function parseTransitions(text: string): { id: string; name: string; to: string }[] | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const list = isRecord(json) && Array.isArray(json.transitions) ? json.transitions : null;
  if (!list) return null;
  return list.filter(isRecord).map((t) => ({ id: String(t.id ?? ''), name: typeof t.name === 'string' ? t.name : '', to: isRecord(t.to) && typeof t.to.name === 'string' ? t.to.name : '' }));
}

export function createJiraClient(transport: Transport, options: JiraClientOptions = {}): JiraClient {
  const settings = retrySettings(options.retry);

  async function send(method: HttpMethod, path: string, context: CallContext, body?: unknown, idempotent = method !== 'POST'): Promise<JiraResponse> {
    const request = body === undefined ? { method, path } : { method, path, body };
    return sendWithRetry(transport, request, { idempotent, context }, settings);
  }

  /** Sends and throws on any status outside `ok`. */
  async function expect(ok: number[], method: HttpMethod, path: string, context: CallContext, body?: unknown, idempotent?: boolean): Promise<JiraResponse> {
    const response = await send(method, path, context, body, idempotent);
    if (!ok.includes(response.status)) throw errorFromResponse(response, context);
    return response;
  }

  /**
   * Jira answers 404 for a missing property and for a missing (or hidden) issue alike, in the
   * caller's language: which one it was is asked of Jira, never read from the message. The issue's
   * property keys (`GET /issue/{key}/properties`) exist exactly when the issue does.
   */
  async function propertyKeysAfter404(key: string, context: CallContext, original: JiraResponse): Promise<string[]> {
    const probe = await send('GET', apiPath('issue', key, 'properties'), context);
    if (probe.status === 404) throw errorFromResponse(original, context);
    if (probe.status !== 200) throw errorFromResponse(probe, context);
    return readPropertyKeys(probe, context);
  }

  /**
   * An entity property's value, or null when it is not set. A 404 is either: `ownerThere` asks Jira
   * whether the issue or project exists and throws when it does not.
   */
  async function readProperty<T>(path: string, context: CallContext, ownerThere: (notFound: JiraResponse) => Promise<unknown>): Promise<T | null> {
    const response = await send('GET', path, context);
    if (response.status === 404) {
      await ownerThere(response);
      return null;
    }
    if (response.status !== 200) throw errorFromResponse(response, context);
    return readPropertyValue(response, context) as T;
  }

  /** Sets an entity property to a JSON value (created or replaced). */
  async function writeProperty(path: string, propertyKey: string, value: unknown, context: CallContext): Promise<void> {
    if (value === undefined) throw invalidArgument(`Invalid value for property ${propertyKey}: undefined is not JSON.`);
    await expect([200, 201, 204], 'PUT', path, context, value);
  }

  /** Every page of a `startAt`/`maxResults` list. */
  async function allPages<T>(path: string, context: CallContext, read: (r: JiraResponse, c: CallContext) => Paged<T>): Promise<T[]> {
    const items: T[] = [];
    let startAt: number | null = 0;
    for (let pages = 0; startAt !== null && pages < MAX_META_PAGES; pages++) {
      const page = read(await expect([200], 'GET', path + query({ startAt: String(startAt), maxResults: '200' }), context), context);
      items.push(...page.items);
      startAt = page.next;
    }
    return items;
  }

  return {
    async searchJql(params: SearchParams) {
      if (typeof params.jql !== 'string' || params.jql.trim() === '') {
        throw invalidArgument('Invalid search: the JQL is empty (search/jql needs a bounded query such as "project = PROJ").');
      }
      const { maxResults, nextPageToken } = params;
      if (maxResults !== undefined && (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > MAX_SEARCH_RESULTS)) {
        throw invalidArgument(`Invalid maxResults ${String(maxResults)}: expected a whole number from 1 to ${MAX_SEARCH_RESULTS}.`);
      }
      if (nextPageToken !== undefined && (typeof nextPageToken !== 'string' || nextPageToken === '')) {
        throw invalidArgument('Invalid nextPageToken: expected the string from the previous page.');
      }
      const body: Record<string, unknown> = { jql: params.jql };
      const fields = checkList('field', params.fields);
      const properties = checkList('property key', params.properties);
      if (fields) body.fields = fields;
      if (properties) body.properties = properties;
      if (maxResults !== undefined) body.maxResults = maxResults;
      if (nextPageToken !== undefined) body.nextPageToken = nextPageToken;
      const { reconcileIssues } = params;
      if (reconcileIssues !== undefined) {
        if (!Array.isArray(reconcileIssues) || reconcileIssues.length > MAX_RECONCILE_ISSUES || !reconcileIssues.every((id) => Number.isSafeInteger(id) && id > 0)) {
          throw invalidArgument(`Invalid reconcileIssues: expected at most ${MAX_RECONCILE_ISSUES} numeric issue ids.`);
        }
        if (reconcileIssues.length) body.reconcileIssues = reconcileIssues;
      }
      const context = { operation: 'search issues' };
      // A read: safe to send again after a timeout or a 5xx.
      const response = await expect([200], 'POST', apiPath('search', 'jql'), context, body, true);
      return readSearchPage(response, context);
    },

    async bulkFetchIssues(keys, params = {}) {
      if (!Array.isArray(keys) || keys.length === 0 || keys.length > MAX_BULK_FETCH) {
        throw invalidArgument(`Invalid bulk fetch: name 1 to ${MAX_BULK_FETCH} issue keys or ids.`);
      }
      const body: Record<string, unknown> = { issueIdsOrKeys: keys.map(checkIssueKey) };
      const fields = checkList('field', params.fields);
      const properties = checkList('property key', params.properties);
      if (fields) body.fields = fields;
      if (properties) body.properties = properties;
      const context = { operation: `read ${keys.length} issues` };
      // A read: safe to send again.
      return readBulkFetch(await expect([200], 'POST', apiPath('issue', 'bulkfetch'), context, body, true), context);
    },

    async createMetaIssueTypes(projectKey): Promise<IssueTypeMeta[]> {
      checkProjectKey(projectKey);
      const context = { operation: `list the issue types of project ${projectKey}`, permission: 'CREATE_ISSUES', missing: `project ${projectKey} does not exist or you cannot see it` };
      return allPages(apiPath('issue', 'createmeta', projectKey, 'issuetypes'), context, readIssueTypePage);
    },

    async createMetaFields(projectKey, issueTypeId): Promise<CreateFieldMeta[]> {
      checkProjectKey(projectKey);
      if (typeof issueTypeId !== 'string' || !/^\d{1,18}$/.test(issueTypeId)) throw invalidArgument(`Invalid issue type id ${JSON.stringify(String(issueTypeId))}: expected digits.`);
      const context = {
        operation: `list the create fields of issue type ${issueTypeId} in project ${projectKey}`,
        permission: 'CREATE_ISSUES',
        missing: `project ${projectKey} or its issue type ${issueTypeId} does not exist or you cannot see it`,
      };
      return allPages(apiPath('issue', 'createmeta', projectKey, 'issuetypes', issueTypeId), context, readCreateFieldPage);
    },

    async getIssue(key, params = {}) {
      checkIssueKey(key);
      const q = query({ fields: checkList('field', params.fields), properties: checkList('property key', params.properties) });
      const context = { operation: `read issue ${key}`, issueKey: key, permission: 'BROWSE_PROJECTS' };
      const response = await expect([200], 'GET', apiPath('issue', key) + q, context);
      return readIssue(response, context);
    },

    async editIssue(key, body) {
      checkIssueKey(key);
      if (!isRecord(body) || (body.fields !== undefined && !isRecord(body.fields)) || (body.update !== undefined && !isRecord(body.update))) {
        throw invalidArgument(`Invalid edit of ${key}: expected {fields?: {...}, update?: {...}}.`);
      }
      const context = { operation: `edit issue ${key}`, issueKey: key, permission: 'EDIT_ISSUES' };
      await expect([200, 204], 'PUT', apiPath('issue', key), context, body);
    },

    async createIssue(body) {
      if (!isRecord(body) || !isRecord(body.fields)) throw invalidArgument('Invalid new issue: expected {fields: {...}}.');
      const context = { operation: 'create an issue', permission: 'CREATE_ISSUES' };
      // Not idempotent: a create that timed out may exist; it is not sent twice.
      const response = await expect([200, 201], 'POST', apiPath('issue'), context, body);
      return readCreated(response, context);
    },

    async addComment(key, body) {
      checkIssueKey(key);
      if (!isRecord(body) || body.type !== 'doc') throw invalidArgument(`Invalid comment on ${key}: the body must be an Atlassian Document.`);
      const context = { operation: `comment on issue ${key}`, issueKey: key, permission: 'ADD_COMMENTS' };
      // Not idempotent: a comment that timed out may exist; it is not sent twice.
      return readComment(await expect([200, 201], 'POST', apiPath('issue', key, 'comment'), context, { body }), context);
    },

    async getIssueProperty<T = unknown>(key: string, propertyKey: string): Promise<T | null> {
      checkIssueKey(key);
      checkPropertyKey(propertyKey);
      const context = { operation: `read property ${propertyKey} of issue ${key}`, issueKey: key, permission: 'BROWSE_PROJECTS' };
      // The issue is there when its property keys can be listed (else the probe throws): the property is not set.
      return readProperty<T>(apiPath('issue', key, 'properties', propertyKey), context, (notFound) => propertyKeysAfter404(key, context, notFound));
    },

    async setIssueProperty(key, propertyKey, value) {
      checkIssueKey(key);
      checkPropertyKey(propertyKey);
      const context = { operation: `set property ${propertyKey} of issue ${key}`, issueKey: key, permission: 'EDIT_ISSUES' };
      await writeProperty(apiPath('issue', key, 'properties', propertyKey), propertyKey, value, context);
    },

    async getTransitions(key) {
      checkIssueKey(key);
      const context = { operation: `list the transitions of issue ${key}`, issueKey: key, permission: 'BROWSE_PROJECTS' };
      const response = await expect([200], 'GET', apiPath('issue', key, 'transitions'), context);
      const body = parseTransitions(response.text);
      if (!body) throw new JiraError(`Could not ${context.operation}: Jira's answer was not a transition list.`, { status: response.status, code: 'server' });
      return body;
    },

    async transitionIssue(key, transitionId) {
      checkIssueKey(key);
      if (typeof transitionId !== 'string' || !/^\d{1,10}$/.test(transitionId)) throw invalidArgument(`Invalid transition id ${JSON.stringify(String(transitionId))}: expected digits.`);
      const context = { operation: `transition issue ${key}`, issueKey: key, permission: 'TRANSITION_ISSUES' };
      // Not idempotent: a transition that timed out may have been applied.
      await expect([204], 'POST', apiPath('issue', key, 'transitions'), context, { transition: { id: transitionId } }, false);
    },

    async getProjectProperty<T = unknown>(projectKey: string, propertyKey: string): Promise<T | null> {
      checkProjectKey(projectKey);
      checkPropertyKey(propertyKey);
      const context = { operation: `read property ${propertyKey} of project ${projectKey}`, permission: 'BROWSE_PROJECTS', missing: `project ${projectKey} does not exist or you cannot see it` };
      // A missing project is told apart from a missing property by asking for the project.
      return readProperty<T>(apiPath('project', projectKey, 'properties', propertyKey), context, async (notFound) => {
        const probe = await send('GET', apiPath('project', projectKey), context);
        if (probe.status !== 200) throw errorFromResponse(probe.status === 404 ? notFound : probe, context);
      });
    },

    async setProjectProperty(projectKey, propertyKey, value) {
      checkProjectKey(projectKey);
      checkPropertyKey(propertyKey);
      const context = { operation: `set property ${propertyKey} of project ${projectKey}`, permission: 'ADMINISTER_PROJECTS', missing: `project ${projectKey} does not exist or you cannot see it` };
      await writeProperty(apiPath('project', projectKey, 'properties', propertyKey), propertyKey, value, context);
    },

    async deleteIssueProperty(key, propertyKey) {
      checkIssueKey(key);
      checkPropertyKey(propertyKey);
      const context = { operation: `delete property ${propertyKey} of issue ${key}`, issueKey: key, permission: 'EDIT_ISSUES' };
      const response = await send('DELETE', apiPath('issue', key, 'properties', propertyKey), context);
      if (response.status === 404) {
        // The spec's 404 also means "you may not edit this issue": then the property is still there.
        const keys = await propertyKeysAfter404(key, context, response);
        if (!keys.includes(propertyKey)) return;
        throw new JiraError(
          `Could not ${context.operation}: the user lacks the EDIT_ISSUES permission (Jira answered 404 and the property is still set); ask a Jira admin to grant it.`,
          { status: 404, code: 'forbidden' },
        );
      }
      if (response.status !== 200 && response.status !== 204) throw errorFromResponse(response, context);
    },

    async getFields() {
      const context = { operation: 'list fields' };
      return readFields(await expect([200], 'GET', apiPath('field'), context), context);
    },

    async createIssueLink(link: IssueLinkInput) {
      const type = link?.type?.name;
      if (typeof type !== 'string' || type.trim() === '') throw invalidArgument('Invalid issue link: the link type name is empty.');
      const inward = checkIssueKey(link.inwardIssue?.key);
      const outward = checkIssueKey(link.outwardIssue?.key);
      const body = { type: { name: type }, inwardIssue: { key: inward }, outwardIssue: { key: outward } };
      const context = {
        operation: `link ${inward} and ${outward} (${type})`,
        permission: 'LINK_ISSUES',
        // The spec's 404: a missing or hidden issue, an unknown link type, or no Link Issues permission.
        missing: `one of the issues does not exist or you cannot see it, the link type "${type}" does not exist, or you lack the LINK_ISSUES permission`,
      };
      // Jira answers 201 to a link that already exists, so sending it twice is harmless.
      await expect([200, 201], 'POST', apiPath('issueLink'), context, body, true);
    },

    async myPermissions(params) {
      if (!Array.isArray(params.permissions) || params.permissions.length === 0) {
        throw invalidArgument('Invalid permissions query: name at least one permission such as EDIT_ISSUES.');
      }
      const permissions = params.permissions.map(checkPermissionKey);
      const projectKey = params.projectKey === undefined ? undefined : checkProjectKey(params.projectKey);
      const issueKey = params.issueKey === undefined ? undefined : checkIssueKey(params.issueKey);
      const context: CallContext = { operation: 'check permissions' };
      if (issueKey) context.issueKey = issueKey;
      const response = await expect([200], 'GET', apiPath('mypermissions') + query({ projectKey, issueKey, permissions }), context);
      return readPermissions(response, context);
    },
  };
}
