/** The one page iterator of search/jql. */
import { searchPages, tokenAfter } from '../../src/jira/search-pages';
import type { SearchPage, SearchParams } from '../../src/jira/types';

/** A fake search over `total` issues, `size` a page; records every request. */
function fakeSearch(total: number, size: number) {
  const requests: SearchParams[] = [];
  const searchJql = async (params: SearchParams): Promise<SearchPage> => {
    requests.push(params);
    const start = params.nextPageToken ? Number(params.nextPageToken.slice(1)) : 0;
    const issues = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => ({ id: String(start + i + 1), key: `A-${start + i + 1}`, fields: {} }));
    const end = start + issues.length;
    return end < total ? { issues, isLast: false, nextPageToken: `t${end}` } : { issues, isLast: true };
  };
  return { client: { searchJql }, requests };
}

test('reads every page in order, each with the token of the next', async () => {
  const { client, requests } = fakeSearch(5, 2);
  const pages = [];
  for await (const page of searchPages(client, { jql: 'project = A', maxResults: 2 })) pages.push(page);
  expect(pages.map((p) => [p.issues.map((i) => i.key), p.nextPageToken])).toEqual([
    [['A-1', 'A-2'], 't2'],
    [['A-3', 'A-4'], 't4'],
    [['A-5'], null],
  ]);
  expect(requests.map((r) => r.nextPageToken)).toEqual([undefined, 't2', 't4']);
  expect(requests.every((r) => r.jql === 'project = A' && r.maxResults === 2)).toBe(true);
});

test('resumes from a token, and reads no page the caller does not ask for', async () => {
  const { client, requests } = fakeSearch(10, 2);
  for await (const page of searchPages(client, { jql: 'project = A', nextPageToken: 't4' })) {
    expect(page.issues[0]?.key).toBe('A-5');
    break;
  }
  expect(requests.map((r) => r.nextPageToken)).toEqual(['t4']);
});

test('an empty result is one empty last page', async () => {
  const { client } = fakeSearch(0, 2);
  const pages = [];
  for await (const page of searchPages(client, { jql: 'project = A' })) pages.push(page);
  expect(pages).toEqual([{ issues: [], nextPageToken: null }]);
});

test('a page marked last has no next token, whatever Jira sent with it', () => {
  expect(tokenAfter({ issues: [], isLast: true, nextPageToken: 'x' })).toBeNull();
  expect(tokenAfter({ issues: [], isLast: false, nextPageToken: 'x' })).toBe('x');
  expect(tokenAfter({ issues: [], isLast: false })).toBeNull();
});
