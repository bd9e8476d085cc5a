import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { readJsonFixture } from '../testing/read-fixture.js';
import { convertOpenAiError } from './openai-error.js';

const context = { provider: 'openai', modelId: 'gpt-4o-mini' };
const fixture = (name: string) => readJsonFixture(`./__fixtures__/${name}`, import.meta.url) as object;

/** The error the SDK builds from a status, a JSON body and headers. */
function statusError(status: number, body: object | undefined, headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, body, undefined, new Headers({ 'x-request-id': 'req_123', ...headers }));
}

function convert(error: unknown) {
  const converted = convertOpenAiError(error, context);
  if (converted === undefined) throw new Error('expected an LlmError');
  return converted;
}

describe('convertOpenAiError', () => {
  test('429 is rate-limited with retry-after-ms, the provider message and the request id', () => {
    const error = convert(statusError(429, fixture('error-rate-limit.json'), { 'retry-after-ms': '1900', 'retry-after': '2' }));
    expect(error.kind).toBe('rate-limited');
    expect(error.isRetryable).toBe(true);
    expect(error.retryAfterMs).toBe(1900);
    expect(error.statusCode).toBe(429);
    expect(error.requestId).toBe('req_123');
    expect(error.message).toMatch(/^Rate limit reached for gpt-4o/);
    expect(error.provider).toBe('openai');
    expect(error.modelId).toBe('gpt-4o-mini');
    expect(error.responseBody).toContain('rate_limit_exceeded');
  });

  test('retry-after in seconds and as an HTTP date', () => {
    expect(convert(statusError(429, undefined, { 'retry-after': '3' })).retryAfterMs).toBe(3000);
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const fromDate = convert(statusError(429, undefined, { 'retry-after': inTenSeconds })).retryAfterMs;
    expect(fromDate).toBeGreaterThan(8_000);
    expect(fromDate).toBeLessThanOrEqual(10_000);
  });

  test('an exhausted quota is not worth retrying', () => {
    const error = convert(statusError(429, fixture('error-insufficient-quota.json')));
    expect(error.kind).toBe('auth');
    expect(error.isRetryable).toBe(false);
  });

  test.each([
    [408, 'timeout', true],
    [409, 'server-error', true],
    [500, 'server-error', true],
    [502, 'server-error', true],
    [503, 'overloaded', true],
    [529, 'overloaded', true],
    [401, 'auth', false],
    [403, 'auth', false],
    [404, 'not-found', false],
    [400, 'bad-request', false],
    [422, 'bad-request', false],
  ] as const)('status %i → %s (retryable %s)', (status, kind, retryable) => {
    const error = convert(statusError(status, { error: { message: 'boom' } }));
    expect(error.kind).toBe(kind);
    expect(error.isRetryable).toBe(retryable);
    expect(error.statusCode).toBe(status);
    expect(error.message).toBe('boom');
  });

  test('context length by code, and by message on compatible servers', () => {
    expect(convert(statusError(400, fixture('error-context-length.json'))).kind).toBe('context-length-exceeded');
    expect(convert(statusError(400, fixture('error-vllm-context-length.json'))).kind).toBe('context-length-exceeded');
  });

  test('content filter', () => {
    const error = convert(statusError(400, fixture('error-content-filter.json')));
    expect(error.kind).toBe('content-filtered');
    expect(error.fallbackApplies).toBe(false);
  });

  test('a status error without a body keeps the SDK message', () => {
    const error = convert(APIError.generate(500, undefined, 'upstream exploded', new Headers()));
    expect(error.kind).toBe('server-error');
    expect(error.message).toBe('500 upstream exploded');
    expect(error.requestId).toBeUndefined();
  });

  test('connection timeout and connection failure', () => {
    expect(convert(new APIConnectionTimeoutError()).kind).toBe('timeout');
    const refused = convert(
      new APIConnectionError({ cause: new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }) }),
    );
    expect(refused.kind).toBe('connection');
    expect(refused.message).toContain('ECONNREFUSED');
  });

  test('a body that does not parse is a malformed response', () => {
    const error = convert(new SyntaxError('Unexpected token < in JSON at position 0'));
    expect(error.kind).toBe('malformed-response');
    expect(error.isRetryable).toBe(true);
  });

  test('aborts and foreign errors are not provider failures', () => {
    expect(convertOpenAiError(new APIUserAbortError(), context)).toBeUndefined();
    expect(convertOpenAiError(new TypeError('x is not a function'), context)).toBeUndefined();
  });
});
