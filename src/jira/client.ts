/**
 * The Jira Cloud REST v3 client: every call of `JiraClient` with Jira's own request and response
 * shapes, over an injected transport (Forge `requestJira`, `fetch` with Basic auth, the emulator).
 * Arguments are checked before any request; failures are JiraErrors (see errors.ts); retries and
 * the time budget are retry.ts's.
 */
import { errorFromResponse, invalidArgument, type CallContext } from './errors';
import { apiPath, checkIssueKey, checkListItem, checkPermissionKey, checkProjectKey, checkPropertyKey, query } from './keys';
import { readComment, readCreated, readFields, readIssue, readPermissions, readPropertyValue, readSearchPage } from './responses';
import { retrySettings, sendWithRetry, type RetryOptions } from './retry';
import type { HttpMethod, IssueLinkInput, JiraClient, JiraResponse, SearchParams, Transport } from './types';

export interface JiraClientOptions {
  retry?: RetryOptions;
}

/** `search/jql` returns at most 5 000 issues per page (ids only); with fields, 100. */
const MAX_SEARCH_RESULTS = 5000;

/** Jira's 404 for an issue (as opposed to a property) that is missing or hidden. */
const ISSUE_MISSING = /issue does not exist|do not have permission to see it/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkList(kind: string, items: unknown): string[] | undefined {
  if (items === undefined) return undefined;
  if (!Array.isArray(items)) throw invalidArgument(`Invalid ${kind} list: expected an array of names.`);
  return items.map((item) => checkListItem(kind, item));
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

  /** A 404 about the property (not the issue) means "not set". */
  function propertyMissing(response: JiraResponse): boolean {
    if (response.status !== 404) return false;
    return !ISSUE_MISSING.test(response.text);
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
      const context = { operation: 'search issues' };
      // A read: safe to send again after a timeout or a 5xx.
      const response = await expect([200], 'POST', apiPath('search', 'jql'), context, body, true);
      return readSearchPage(response, context);
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
      const response = await send('GET', apiPath('issue', key, 'properties', propertyKey), context);
      if (propertyMissing(response)) return null;
      if (response.status !== 200) throw errorFromResponse(response, context);
      return readPropertyValue(response, context) as T;
    },

    async setIssueProperty(key, propertyKey, value) {
      checkIssueKey(key);
      checkPropertyKey(propertyKey);
      if (value === undefined) throw invalidArgument(`Invalid value for property ${propertyKey}: undefined is not JSON.`);
      const context = { operation: `set property ${propertyKey} of issue ${key}`, issueKey: key, permission: 'EDIT_ISSUES' };
      await expect([200, 201, 204], 'PUT', apiPath('issue', key, 'properties', propertyKey), context, value);
    },

    async deleteIssueProperty(key, propertyKey) {
      checkIssueKey(key);
      checkPropertyKey(propertyKey);
      const context = { operation: `delete property ${propertyKey} of issue ${key}`, issueKey: key, permission: 'EDIT_ISSUES' };
      const response = await send('DELETE', apiPath('issue', key, 'properties', propertyKey), context);
      if (propertyMissing(response)) return;
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
      const context = { operation: `link ${inward} and ${outward} (${type})`, permission: 'LINK_ISSUES' };
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
