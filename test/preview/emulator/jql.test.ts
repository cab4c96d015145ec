/** The emulator's JQL: a table of queries over HTTP, the parser's errors, and a property test. */
import fc from 'fast-check';
import { compileQuery, JqlError, MANIFEST_PROPERTY_INDEXES, parseJql } from '../../../src/preview/emulator/jql';
import { loadProjectFile } from '../../../src/preview/emulator/load';
import type { SampleProjectFile } from '../../../src/preview/sample/schema';
import { FIXTURE, raw, startEmulator, type Harness } from './harness';

let h: Harness;
let data: SampleProjectFile;

beforeAll(async () => {
  h = await startEmulator({ now: () => Date.parse('2024-01-08T00:00:00Z') });
  data = await loadProjectFile(FIXTURE);
});

afterAll(async () => {
  await h.stop();
});

async function search(jql: string, user = 'alice'): Promise<{ status: number; keys: string[]; errors: string[] }> {
  const response = await raw(h.emulator, 'POST', '/rest/api/3/search/jql', { user, body: JSON.stringify({ jql, maxResults: 100 }) });
  const body = response.json as { issues?: { key: string }[]; errorMessages?: string[] };
  return { status: response.status, keys: (body.issues ?? []).map((i) => i.key), errors: body.errorMessages ?? [] };
}

describe('queries', () => {
  it.each([
    ['project = FOOD AND issuetype = Story', ['FOOD-2', 'FOOD-3', 'FOOD-5', 'FOOD-7']],
    ['project in (FOOD, OPS) AND type = task', ['FOOD-4', 'OPS-2']],
    ['project = "Food Delivery" AND issuetype != Story AND issuetype != Epic', ['FOOD-4', 'FOOD-6', 'FOOD-8']],
    ['issuetype in (Bug, "Sub-task")', ['FOOD-6', 'FOOD-8']],
    ['statusCategory = Done', ['FOOD-6', 'OPS-2']],
    ['statusCategory != Done AND project = OPS', ['OPS-1']],
    ['statusCategory in ("In Progress", new) AND project = FOOD AND issuetype = Story', ['FOOD-2', 'FOOD-3', 'FOOD-5', 'FOOD-7']],
    ['status = "To Do" AND project = FOOD', ['FOOD-2', 'FOOD-4', 'FOOD-5', 'FOOD-8']],
    ['status = "in review"', ['FOOD-7']],
    ['key in (FOOD-2, food-3, 10000)', ['FOOD-1', 'FOOD-2', 'FOOD-3']],
    ['issuekey = FOOD-4', ['FOOD-4']],
    ['key > FOOD-6 AND project = FOOD', ['FOOD-7', 'FOOD-8']],
    ['labels = ordering', ['FOOD-2', 'FOOD-3', 'FOOD-7']],
    ['labels in (mobile, finance)', ['FOOD-5', 'FOOD-6', 'FOOD-7']],
    ['labels != ordering AND project = FOOD', ['FOOD-4', 'FOOD-5', 'FOOD-6']],
    ['labels is EMPTY', ['FOOD-1', 'FOOD-8', 'OPS-1', 'OPS-2']],
    ['labels = EMPTY AND project = OPS', ['OPS-1', 'OPS-2']],
    ['parent = FOOD-1', ['FOOD-2', 'FOOD-3']],
    ['parent is not EMPTY', ['FOOD-2', 'FOOD-3', 'FOOD-8']],
    ['issue.property[storyHealth].score < 60', ['FOOD-4', 'FOOD-5', 'FOOD-7']],
    ['issue.property[storyHealth].score >= 82', ['FOOD-2']],
    ['issue.property[storyHealth].score = 55', ['FOOD-7']],
    ['issue.property[storyHealth].score != 55', ['FOOD-2', 'FOOD-4', 'FOOD-5']],
    ['issue.property[storyHealth].score is EMPTY AND project = FOOD', ['FOOD-1', 'FOOD-3', 'FOOD-6', 'FOOD-8']],
    ['issue.property[storyHealth].score is not EMPTY', ['FOOD-2', 'FOOD-4', 'FOOD-5', 'FOOD-7']],
    ['issue.property[storyHealth].criteria.valuable > 70', ['FOOD-2']],
    ['storyHealthValuable <= 20', ['FOOD-4']],
    ['storyHealthRule = "missing-benefit"', ['FOOD-4']],
    ['storyHealthRule in ("vague-term", "missing-acceptance-criteria")', ['FOOD-5', 'FOOD-7']],
    ['storyHealthTechnical = true', ['FOOD-4']],
    ['storyHealthTechnical = false', ['FOOD-2', 'FOOD-5', 'FOOD-7']],
    ['storyHealthEngine = "1" AND storyHealthAnalyzed > "2024-01-06"', ['FOOD-4', 'FOOD-7']],
    ['storyHealthScore < 60 AND NOT labels = finance', ['FOOD-4', 'FOOD-7']],
    ['(labels = mobile OR labels = finance) AND storyHealthScore < 50', ['FOOD-5']],
    ['project = FOOD AND NOT (issuetype = Story OR issuetype = Epic)', ['FOOD-4', 'FOOD-6', 'FOOD-8']],
    ['project = FOOD && !(labels = ordering) || key = OPS-1', ['FOOD-1', 'FOOD-4', 'FOOD-5', 'FOOD-6', 'FOOD-8', 'OPS-1']],
    ['"Story point estimate" >= 5', ['FOOD-4', 'FOOD-7']],
    ['cf[10016] = 3', ['FOOD-2', 'OPS-1']],
    ['customfield_10016 is EMPTY AND project = FOOD', ['FOOD-1', 'FOOD-3', 'FOOD-8']],
    ['summary ~ "order history"', ['FOOD-3']],
    ['text ~ "twice a week"', ['FOOD-2']],
    ['created < "2024/01/03" ', ['FOOD-1']],
    ['created >= -1d AND project = FOOD', ['FOOD-5', 'FOOD-6', 'FOOD-7', 'FOOD-8']],
    ['updated > startOfDay() AND project = FOOD', ['FOOD-6', 'FOOD-7', 'FOOD-8']],
    ['reporter = currentUser() AND project = FOOD', ['FOOD-1', 'FOOD-2', 'FOOD-5', 'FOOD-7']],
  ])('%s', async (jql, keys) => {
    const result = await search(jql);
    expect(result.errors).toEqual([]);
    expect(result.keys.sort()).toEqual([...keys].sort());
  });

  it.each([
    ['project = FOOD ORDER BY key DESC', ['FOOD-8', 'FOOD-7', 'FOOD-6', 'FOOD-5', 'FOOD-4', 'FOOD-3', 'FOOD-2', 'FOOD-1']],
    ['project = FOOD AND storyHealthScore > 0 ORDER BY storyHealthScore', ['FOOD-4', 'FOOD-5', 'FOOD-7', 'FOOD-2']],
    ['labels = ordering ORDER BY updated DESC', ['FOOD-7', 'FOOD-2', 'FOOD-3']],
    ['project = OPS ORDER BY created DESC, key', ['OPS-2', 'OPS-1']],
    ['project = FOOD AND issuetype = Story ORDER BY rank ASC', ['FOOD-2', 'FOOD-3', 'FOOD-5', 'FOOD-7']],
    ['project in (OPS, FOOD) AND labels = mobile', ['FOOD-6', 'FOOD-7']],
  ])('orders %s', async (jql, keys) => {
    expect((await search(jql)).keys).toEqual(keys);
  });

  it('sorts empty values last ascending', async () => {
    expect((await search('project = FOOD AND issuetype = Story ORDER BY cf[10016] ASC')).keys).toEqual(['FOOD-5', 'FOOD-2', 'FOOD-7', 'FOOD-3']);
  });
});

describe('errors, answered as 400 with Jira’s sentences', () => {
  it.each([
    ['project = ', /^Error in the JQL Query: Expecting either a value, list or function but got the end of the query\. \(line 1, character 11\)$/],
    ['project FOOD', /^Error in the JQL Query: Expecting operator but got 'FOOD'\./],
    ['project = FOOD AND', /^Error in the JQL Query: Expecting a field name but got the end of the query/],
    ['project = FOOD labels = x', /^Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'labels'/],
    ['(project = FOOD', /^Error in the JQL Query: Expecting '\)'/],
    ['summary ~ "open', /^Error in the JQL Query: The quoted string "open has not been completed/],
    ['labels in ()', /^Error in the JQL Query: Expecting either a value, list or function but got '\)'/],
    ['labels is x', /^Error in the JQL Query: Expecting 'EMPTY' or 'NULL'/],
    ['labels = and', /reserved JQL word/],
    ['status was Done', /history operator 'WAS'/],
    ['project = FOOD ORDER key', /Expecting 'BY'/],
    ['project = FOOD & labels = x', /reserved JQL character/],
    ['project = FOOD\nAND (', /\(line 2, character 6\)$/],
    ['flavour = spicy', /^Field 'flavour' does not exist or you do not have permission to view it\.$/],
    ['project = NOPE', /^The value 'NOPE' does not exist for the field 'project'\.$/],
    ['issuetype = Feature', /^The value 'Feature' does not exist for the field 'issuetype'\.$/],
    ['status = Blocked', /^The value 'Blocked' does not exist for the field 'status'\.$/],
    ['key = FOOD-999', /^An issue with key 'FOOD-999' does not exist for field 'key'\.$/],
    ['key = nonsense', /^The issue key 'nonsense' for field 'key' is invalid\.$/],
    ['labels < x', /^The operator '<' is not supported by the 'labels' field\.$/],
    ['storyHealthRule > a', /^The operator '>' is not supported by the 'storyHealthRule' field\.$/],
    ['storyHealthScore < many', /not a number/],
    ['created > yesterday', /^Date value 'yesterday' for field 'created' is invalid/],
    ['labels = x ORDER BY labels', /^Not able to sort using field 'labels'\.$/],
    ['labels = foo()', /^Unable to find JQL function 'foo\(\)'\.$/],
    ['', /^Unbounded JQL queries are not allowed here/],
    ['ORDER BY created DESC', /^Unbounded JQL queries are not allowed here/],
  ])('%j', async (jql, message) => {
    const result = await search(jql);
    expect(result.status).toBe(400);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(message);
  });

  it('bounds nesting instead of overflowing the stack', async () => {
    const deep = `${'('.repeat(5000)}project = FOOD${')'.repeat(5000)}`;
    expect((await search(deep)).errors[0]).toMatch(/nested more than 32 levels/);
    const nots = `${'NOT '.repeat(2000)}project = FOOD`;
    expect((await search(nots)).errors[0]).toMatch(/nested more than 32 levels/);
    expect((await search(`${'('.repeat(30)}project = OPS${')'.repeat(30)}`)).keys).toEqual(['OPS-1', 'OPS-2']);
  });
});

describe('parser robustness', () => {
  const env = () => ({ data, caller: { kind: 'app' } as const, now: 0, indexes: MANIFEST_PROPERTY_INDEXES, rankOf: () => 0 });

  /** Parses and compiles; anything thrown must be a JqlError whose message is a Jira 400 sentence. */
  function check(jql: string): void {
    try {
      const query = parseJql(jql);
      const compiled = compileQuery(query, env());
      for (const issue of data.issues) compiled.filter(issue);
      [...data.issues].sort(compiled.compare);
    } catch (error) {
      if (!(error instanceof JqlError)) throw error;
      expect(error.message.length).toBeGreaterThan(0);
    }
  }

  it('never throws anything but a JqlError on random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (jql) => check(jql)), { numRuns: 2000 });
  });

  it('never throws anything but a JqlError on random JQL-ish token soup', () => {
    const token = fc.constantFrom(
      'project', 'labels', 'key', 'issuetype', 'status', 'statusCategory', 'parent', 'summary', 'created', 'storyHealthScore',
      'storyHealthRule', 'issue.property[storyHealth].score', 'issue.property[x].y', 'cf[10016]', '"Story point estimate"',
      '=', '!=', '<', '<=', '>', '>=', '~', '!~', 'in', 'not', 'is', 'EMPTY', 'null', 'AND', 'OR', 'NOT', '&&', '||', '!',
      '(', ')', ',', 'ORDER', 'BY', 'ASC', 'DESC', 'FOOD', 'FOOD-1', 'FOOD-99', '10000', '"To Do"', 'Done', '60', '-1d',
      '"2024/01/01"', 'now()', 'currentUser()', 'x', '"', "'", '\\', 'rank', 'was',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 30 }), (tokens) => check(tokens.join(' '))),
      { numRuns: 3000 },
    );
  });
});
