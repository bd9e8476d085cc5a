import { LLM_ERROR_POLICIES } from '#libs/contracts';
import { errorKindFromStatus } from './error-kind-from-status.js';

describe('errorKindFromStatus', () => {
  test.each([
    [429, 'rate-limited'],
    [503, 'overloaded'],
    [529, 'overloaded'],
    [408, 'timeout'],
    [409, 'server-error'],
    [500, 'server-error'],
    [502, 'server-error'],
    [504, 'server-error'],
    [401, 'auth'],
    [403, 'auth'],
    [404, 'not-found'],
    [400, 'bad-request'],
    [422, 'bad-request'],
    [413, 'bad-request'],
  ] as const)('status %i is %s', (status, kind) => {
    expect(errorKindFromStatus(status)).toBe(kind);
  });

  test('retryable exactly for 408, 409, 429 and 5xx', () => {
    const retryable = [400, 401, 403, 404, 408, 409, 413, 422, 429, 500, 503, 529].filter(
      (status) => LLM_ERROR_POLICIES[errorKindFromStatus(status)].retryable,
    );
    expect(retryable).toEqual([408, 409, 429, 500, 503, 529]);
  });
});
