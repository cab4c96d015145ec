/**
 * `search/jql` paging: an opaque `nextPageToken` holding the next offset, a hash of the query and an
 * expiry, signed so it cannot be edited. A token of another query, a tampered or malformed one, or
 * an expired one is a 400 with a sentence saying which.
 *
 * Limits mirror Jira's `search/jql`: `maxResults` defaults to 50; a page holds at most 100 issues
 * when fields are requested and 5 000 when only ids/keys are (Jira may return fewer than asked).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { badRequest } from './http';

export const DEFAULT_MAX_RESULTS = 50;
export const MAX_RESULTS_WITH_FIELDS = 100;
export const MAX_RESULTS_IDS_ONLY = 5000;
/** Jira's tokens last days; the emulator's expire sooner so clients that keep them too long are caught. */
export const DEFAULT_TOKEN_TTL_MS = 10 * 60 * 1000;

interface TokenBody {
  /** Offset of the next page. */
  o: number;
  /** Hash of the JQL. */
  q: string;
  /** Expiry, ms since the epoch. */
  e: number;
}

function queryHash(jql: string): string {
  return createHash('sha256').update(jql).digest('base64url').slice(0, 16);
}

export class PageTokens {
  private readonly secret = randomBytes(32);

  constructor(
    private readonly now: () => number,
    private readonly ttlMs = DEFAULT_TOKEN_TTL_MS,
  ) {}

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url').slice(0, 22);
  }

  issue(jql: string, offset: number): string {
    const body: TokenBody = { o: offset, q: queryHash(jql), e: this.now() + this.ttlMs };
    const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  /** The offset a token continues from; 400 when it does not belong to `jql` or is no longer valid. */
  read(token: string, jql: string): number {
    const [payload, signature, extra] = token.split('.');
    const malformed = badRequest('The nextPageToken is malformed: pass the token from the previous page unchanged.');
    if (!payload || !signature || extra !== undefined) throw malformed;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw malformed;
    let body: TokenBody;
    try {
      body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as TokenBody;
    } catch {
      throw malformed;
    }
    if (!Number.isInteger(body.o) || body.o < 0 || typeof body.q !== 'string' || typeof body.e !== 'number') throw malformed;
    if (body.q !== queryHash(jql)) {
      throw badRequest('The nextPageToken belongs to a different JQL query: page with the same query, or start again without a token.');
    }
    if (this.now() > body.e) throw badRequest('The nextPageToken has expired: start the search again without a token.');
    return body.o;
  }
}

/** The page size for `maxResults`: clamped to 1 … the cap, never an error (Jira clamps too). */
export function pageSize(maxResults: number | undefined, idsOnly: boolean): number {
  const cap = idsOnly ? MAX_RESULTS_IDS_ONLY : MAX_RESULTS_WITH_FIELDS;
  return Math.max(1, Math.min(maxResults ?? DEFAULT_MAX_RESULTS, cap));
}
