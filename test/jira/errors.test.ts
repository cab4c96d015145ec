/** What a JiraError says for each status: codes, Jira's messages, and what to do next. */
import { createJiraClient } from '../../src/jira/client';
import { errorFromResponse, JiraError, parseErrorBody } from '../../src/jira/errors';
import type { JiraRequest, JiraResponse, Transport } from '../../src/jira/types';
import { rejection } from '../preview/emulator/harness';

function answering(status: number, body: unknown = {}, headers: Record<string, string> = {}): Transport & { calls: JiraRequest[] } {
  const calls: JiraRequest[] = [];
  const transport = async (request: JiraRequest): Promise<JiraResponse> => {
    calls.push(request);
    return { status, headers, text: typeof body === 'string' ? body : JSON.stringify(body) };
  };
  return Object.assign(transport, { calls });
}

const noWait = { sleep: async () => undefined, maxAttempts: 1 };

describe('JiraError messages', () => {
  it('401 says to check the credentials', async () => {
    const error = (await rejection(createJiraClient(answering(401, '')).getFields())) as JiraError;
    expect(error).toMatchObject({ status: 401, code: 'unauthorized' });
    expect(error.message).toBe("Could not list fields: Jira refused the credentials (401); check the email and API token (or the app's installation).");
  });

  it('403 names the missing permission and says to ask an admin', async () => {
    const transport = answering(403, { errorMessages: ['You do not have permission to edit issues in this project.'], errors: {} });
    const error = (await rejection(createJiraClient(transport).editIssue('FOOD-1', { fields: { summary: 'x' } }))) as JiraError;
    expect(error).toMatchObject({ status: 403, code: 'forbidden', errorMessages: ['You do not have permission to edit issues in this project.'] });
    expect(error.message).toMatch(/^Could not edit issue FOOD-1: the user lacks the EDIT_ISSUES permission \(403\); ask a Jira admin to grant it\./);
  });

  it('404 on an issue names the issue', async () => {
    const transport = answering(404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    const error = (await rejection(createJiraClient(transport).getIssue('FOO-1'))) as JiraError;
    expect(error.message).toBe('Could not read issue FOO-1: issue FOO-1 does not exist or you cannot see it (404).');
  });

  it("400 carries Jira's own messages, field errors included", async () => {
    const transport = answering(400, { errorMessages: ["Error in the JQL Query: Expecting ')' before the end of the query."], errors: { jql: 'bad' } });
    const error = (await rejection(createJiraClient(transport).searchJql({ jql: 'project = (' }))) as JiraError;
    expect(error).toMatchObject({ status: 400, code: 'bad-request', fieldErrors: { jql: 'bad' } });
    expect(error.errorMessages).toEqual(["Error in the JQL Query: Expecting ')' before the end of the query.", 'jql: bad']);
    expect(error.message).toContain("Error in the JQL Query: Expecting ')'");
  });

  it('409 is a conflict; 5xx a server error; other 4xx a bad request', () => {
    const at = (status: number): JiraError => errorFromResponse({ status, headers: {}, text: '' }, { operation: 'do it' });
    expect(at(409).code).toBe('conflict');
    expect(at(500).code).toBe('server');
    expect(at(410).code).toBe('bad-request');
    expect(at(429).code).toBe('rate-limited');
  });

  it('reads HTML and gateway bodies without failing', () => {
    expect(parseErrorBody('<html>Bad gateway</html>')).toEqual({ errorMessages: [], fieldErrors: {} });
    expect(parseErrorBody('{"message":"Client must be authenticated"}').errorMessages).toEqual(['Client must be authenticated']);
  });

  it('a 2xx body that is not what Jira documents is a server error, not a crash', async () => {
    const error = (await rejection(createJiraClient(answering(200, '{"issues": 3}')).searchJql({ jql: 'project = A' }))) as JiraError;
    expect(error).toMatchObject({ code: 'server' });
    const html = (await rejection(createJiraClient(answering(200, '<html/>')).getFields())) as JiraError;
    expect(html.message).toMatch(/not JSON/);
  });

  it('a network failure is code network', async () => {
    const failing: Transport = async () => {
      throw new TypeError('fetch failed');
    };
    const error = (await rejection(createJiraClient(failing, { retry: noWait }).getFields())) as JiraError;
    expect(error).toMatchObject({ status: 0, code: 'network' });
    expect(error.message).toMatch(/could not be reached \(fetch failed\)/);
  });

  it('a transport that throws synchronously is a network error too', async () => {
    const throwing = ((): never => {
      throw new Error('no socket');
    }) as unknown as Transport;
    const error = (await rejection(createJiraClient(throwing, { retry: noWait }).getFields())) as JiraError;
    expect(error).toMatchObject({ code: 'network', message: expect.stringMatching(/no socket/) });
  });
});

describe('request shapes', () => {
  it('searches with POST /rest/api/3/search/jql and only the given parameters', async () => {
    const transport = answering(200, { issues: [{ id: '1', key: 'A-1' }], isLast: true });
    const page = await createJiraClient(transport).searchJql({ jql: 'project = A', fields: ['summary'], maxResults: 10 });
    expect(transport.calls[0]).toEqual(expect.objectContaining({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = A', fields: ['summary'], maxResults: 10 } }));
    expect(transport.calls[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(page).toEqual({ issues: [{ id: '1', key: 'A-1', fields: {} }], isLast: true });
  });

  it('derives isLast from the token when a proxy dropped it', async () => {
    const page = await createJiraClient(answering(200, { issues: [], nextPageToken: 'abc' })).searchJql({ jql: 'project = A' });
    expect(page).toEqual({ issues: [], nextPageToken: 'abc', isLast: false });
  });

  it('asks mypermissions with a comma-separated list', async () => {
    const transport = answering(200, { permissions: { EDIT_ISSUES: { havePermission: true }, BROWSE_PROJECTS: { havePermission: false } } });
    const result = await createJiraClient(transport).myPermissions({ projectKey: 'FOOD', permissions: ['EDIT_ISSUES', 'BROWSE_PROJECTS'] });
    expect(transport.calls[0]?.path).toBe('/rest/api/3/mypermissions?projectKey=FOOD&permissions=EDIT_ISSUES%2CBROWSE_PROJECTS');
    expect(result).toEqual({ EDIT_ISSUES: true, BROWSE_PROJECTS: false });
  });

  it('puts a property value as the JSON body', async () => {
    const transport = answering(201, '');
    await createJiraClient(transport).setIssueProperty('FOOD-1', 'storyHealth', 42);
    expect(transport.calls[0]).toEqual(expect.objectContaining({ method: 'PUT', path: '/rest/api/3/issue/FOOD-1/properties/storyHealth', body: 42 }));
  });

  it('refuses arguments before sending anything', async () => {
    const transport = answering(200, {});
    const client = createJiraClient(transport);
    await expect(client.searchJql({ jql: '  ' })).rejects.toThrow(/JQL is empty/);
    await expect(client.searchJql({ jql: 'project = A', maxResults: 0 })).rejects.toThrow(/maxResults/);
    await expect(client.searchJql({ jql: 'project = A', fields: ['a,b'] })).rejects.toThrow(/Invalid field/);
    await expect(client.setIssueProperty('FOOD-1', 'p', undefined)).rejects.toThrow(/undefined is not JSON/);
    await expect(client.createIssueLink({ type: { name: '' }, inwardIssue: { key: 'A-1' }, outwardIssue: { key: 'A-2' } })).rejects.toThrow(/link type/);
    await expect(client.myPermissions({ permissions: [] })).rejects.toThrow(/at least one permission/);
    expect(transport.calls).toHaveLength(0);
  });
});
