import { InvalidCursorError } from './invalid-cursor-error.js';

/** Position after the last item of a page, for lists ordered by (created_at, id). */
export interface KeysetPosition {
  readonly createdAt: string;
  readonly id: string;
}

/** An opaque, URL-safe cursor for `position`. */
export function encodeKeysetCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id]), 'utf8').toString('base64url');
}

/** Reads a cursor made by `encodeKeysetCursor`; anything else throws InvalidCursorError. */
export function decodeKeysetCursor(cursor: string): KeysetPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError(cursor, 'not a cursor returned by a previous page');
  }
  if (!Array.isArray(decoded) || decoded.length !== 2 || typeof decoded[0] !== 'string' || typeof decoded[1] !== 'string') {
    throw new InvalidCursorError(cursor, 'not a cursor returned by a previous page');
  }
  return { createdAt: decoded[0], id: decoded[1] };
}
