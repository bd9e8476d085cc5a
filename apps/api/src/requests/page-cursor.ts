import { createHash } from 'node:crypto';
import { problem, ProblemError } from '../problems/problem-error.js';

/**
 * Page cursors: Temporal's opaque page token plus a digest of the query it belongs to, so a
 * cursor replayed with other filters (or another tenant) is refused instead of mixing pages.
 */
export function encodePageCursor(pageToken: Uint8Array, query: string): string {
  return Buffer.from(JSON.stringify({ p: Buffer.from(pageToken).toString('base64'), q: digest(query) })).toString('base64url');
}

/** The page token inside `cursor`; 400 `invalid-cursor` when it is not one this query issued. */
export function decodePageCursor(cursor: string, query: string): Uint8Array {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalidCursor();
  const { p: token, q: queryDigest } = parsed as Record<string, unknown>;
  if (typeof token !== 'string' || typeof queryDigest !== 'string' || queryDigest !== digest(query)) throw invalidCursor();
  return Buffer.from(token, 'base64');
}

function digest(query: string): string {
  return createHash('sha256').update(query).digest('base64url').slice(0, 22);
}

function invalidCursor(): ProblemError {
  return new ProblemError(
    problem('invalid-cursor', 400, 'Invalid Cursor', 'cursor must be the next_cursor of an earlier page, sent with the same filters.', {
      issues: [{ field: 'cursor', message: 'not a cursor of this query' }],
    }),
  );
}
