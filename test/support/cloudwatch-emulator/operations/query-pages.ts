import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { invalidParameter } from '../server/aws-error';

/** GetQueryResults returns at most this many rows per call (the model's maxItems maximum). */
export const MAX_PAGE_ROWS = 10_000;
/** "The token expires after 1 hour" (GetQueryResults nextToken in the service model). */
export const PAGE_TOKEN_TTL_MS = 60 * 60 * 1000;

export interface PageRequest {
  queryId: string;
  /** The request's nextToken, if any. */
  token: string | undefined;
  /** The request's maxItems; AWS documents no meaning for 0, the emulator treats it as absent. */
  maxItems: number | undefined;
  /** Whether the result set is final (tokens are only handed out for a finished query). */
  final: boolean;
  now: number;
}

/**
 * Page tokens for GetQueryResults: self-describing (query, offset, issue time) and signed with a
 * key private to this emulator, so a garbled token, one from another query or an expired one is
 * recognised without keeping state per token.
 */
export class QueryPages {
  private readonly key = randomBytes(32);

  /** The [from, to) row range a request asks for, and the token for the rest (if any). */
  page(req: PageRequest, rowCount: number): { from: number; to: number; nextToken: string | undefined } {
    const from = req.token === undefined ? 0 : this.offsetOf(req.token, req.queryId, req.now);
    const size = req.maxItems === undefined || req.maxItems === 0 ? MAX_PAGE_ROWS : req.maxItems;
    const to = Math.min(rowCount, from + size);
    // While Scheduled/Running the rows are still growing: no token, only the first page so far.
    const nextToken = req.final && to < rowCount ? this.issue(req.queryId, to, req.now) : undefined;
    return { from, to, nextToken };
  }

  private issue(queryId: string, offset: number, now: number): string {
    const body = Buffer.from(JSON.stringify({ q: queryId, o: offset, t: now })).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  private offsetOf(token: string, queryId: string, now: number): number {
    const [body, mac, extra] = token.split('.');
    if (body === undefined || mac === undefined || extra !== undefined || !this.verify(body, mac))
      throw invalidParameter('The specified nextToken is invalid.');
    const { q, o, t } = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { q: string; o: number; t: number };
    if (q !== queryId) throw invalidParameter('The specified nextToken is not valid for this query.');
    if (now - t > PAGE_TOKEN_TTL_MS) throw invalidParameter('The specified nextToken has expired.');
    return o;
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 22);
  }

  private verify(body: string, mac: string): boolean {
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
