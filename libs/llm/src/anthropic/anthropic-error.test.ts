import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import { readJsonFixture } from '../testing/read-fixture.js';
import { convertAnthropicError } from './anthropic-error.js';

const context = { provider: 'anthropic', modelId: 'claude-haiku-4-5' };
const fixture = (name: string) => readJsonFixture(`./__fixtures__/${name}`, import.meta.url) as object;

function statusError(status: number, body: object | undefined, headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, body, undefined, new Headers({ 'request-id': 'req_011', ...headers }));
}

function convert(error: unknown) {
  const converted = convertAnthropicError(error, context);
  if (converted === undefined) throw new Error('expected an LlmError');
  return converted;
}

const bodyOf = (type: string, message: string) => ({ type: 'error', error: { type, message } });

describe('convertAnthropicError', () => {
  test('429 rate_limit_error is rate-limited with Retry-After, message and request id', () => {
    const error = convert(statusError(429, fixture('error-rate-limit.json'), { 'retry-after': '7' }));
    expect(error).toMatchObject({ kind: 'rate-limited', statusCode: 429, retryAfterMs: 7000, requestId: 'req_011' });
    expect(error.message).toMatch(/^This request would exceed the rate limit/);
    expect(error.responseBody).toContain('rate_limit_error');
  });

  test('529 overloaded_error is overloaded and retryable', () => {
    const error = convert(statusError(529, fixture('error-overloaded.json')));
    expect(error.kind).toBe('overloaded');
    expect(error.isRetryable).toBe(true);
    expect(error.message).toBe('Overloaded');
  });

  test('"prompt is too long" is context-length-exceeded', () => {
    const error = convert(statusError(400, fixture('error-prompt-too-long.json')));
    expect(error.kind).toBe('context-length-exceeded');
    expect(error.isRetryable).toBe(false);
    expect(error.fallbackApplies).toBe(true);
  });

  test('prompt plus max_tokens over the limit is context-length-exceeded too', () => {
    const message = 'input length and `max_tokens` exceed context limit: 197202 + 21333 > 200000, decrease input length or `max_tokens` and try again';
    expect(convert(statusError(400, bodyOf('invalid_request_error', message))).kind).toBe('context-length-exceeded');
  });

  test('an empty credit balance is not worth retrying', () => {
    expect(convert(statusError(402, fixture('error-billing.json'))).kind).toBe('auth');
  });

  test.each([
    [400, 'invalid_request_error', 'bad-request', false],
    [401, 'authentication_error', 'auth', false],
    [403, 'permission_error', 'auth', false],
    [404, 'not_found_error', 'not-found', false],
    [408, 'timeout_error', 'timeout', true],
    [409, 'conflict_error', 'server-error', true],
    [413, 'request_too_large', 'bad-request', false],
    [500, 'api_error', 'server-error', true],
    [503, 'api_error', 'overloaded', true],
    [504, 'timeout_error', 'timeout', true],
  ] as const)('status %i %s → %s', (status, type, kind, retryable) => {
    const error = convert(statusError(status, bodyOf(type, 'details')));
    expect(error.kind).toBe(kind);
    expect(error.isRetryable).toBe(retryable);
    expect(error.statusCode).toBe(status);
  });

  test('connection timeout, connection failure and bodies that do not parse', () => {
    expect(convert(new APIConnectionTimeoutError()).kind).toBe('timeout');
    expect(convert(new APIConnectionError({ cause: new TypeError('fetch failed') })).kind).toBe('connection');
    const malformed = new Error('Unexpected end of JSON input');
    malformed.name = 'SyntaxError';
    expect(convert(malformed).kind).toBe('malformed-response');
  });

  test('aborts and foreign errors are not provider failures', () => {
    expect(convertAnthropicError(new APIUserAbortError(), context)).toBeUndefined();
    expect(convertAnthropicError(new RangeError('bug'), context)).toBeUndefined();
  });
});
