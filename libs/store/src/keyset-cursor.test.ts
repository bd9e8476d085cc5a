import { InvalidCursorError } from './invalid-cursor-error.js';
import { decodeKeysetCursor, encodeKeysetCursor } from './keyset-cursor.js';

test('a cursor round-trips and is URL-safe', () => {
  const position = { createdAt: '2026-05-20T10:00:00.000Z', id: 'doc_ab/c+d' };
  const cursor = encodeKeysetCursor(position);
  expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  expect(decodeKeysetCursor(cursor)).toEqual(position);
});

test('anything else is an InvalidCursorError naming the cursor', () => {
  for (const cursor of ['garbage!', Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2]').toString('base64url'), '']) {
    let caught: unknown;
    try {
      decodeKeysetCursor(cursor);
    } catch (error) {
      caught = error;
    }
    expect(InvalidCursorError.isInstance(caught)).toBe(true);
    expect((caught as InvalidCursorError).cursor).toBe(cursor);
  }
});
