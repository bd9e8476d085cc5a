import { describeResponseBody, MAX_ERROR_BODY_CHARS } from './describe-response-body.js';

describe('describeResponseBody', () => {
  test('objects become JSON, text stays text, nothing stays undefined', () => {
    expect(describeResponseBody({ error: { code: 'x' } })).toBe('{"error":{"code":"x"}}');
    expect(describeResponseBody('<html>')).toBe('<html>');
    expect(describeResponseBody(undefined)).toBeUndefined();
    expect(describeResponseBody(null)).toBeUndefined();
  });

  test('a huge body is cut so it cannot bloat workflow history', () => {
    const described = describeResponseBody('x'.repeat(MAX_ERROR_BODY_CHARS * 3));
    expect(described?.length).toBe(MAX_ERROR_BODY_CHARS + 1);
  });
});
