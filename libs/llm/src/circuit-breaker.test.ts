import { CircuitBreaker } from './circuit-breaker.js';

function setup(options: { failureThreshold?: number; openMs?: number } = {}) {
  let time = 1_000;
  const breaker = new CircuitBreaker({ failureThreshold: 3, openMs: 10_000, ...options, now: () => time });
  return { breaker, advance: (ms: number) => (time += ms) };
}

describe('CircuitBreaker', () => {
  test('defaults to 5 failures and 30 s open', () => {
    const breaker = new CircuitBreaker();
    expect(breaker.failureThreshold).toBe(5);
    expect(breaker.openMs).toBe(30_000);
    for (let index = 0; index < 4; index++) breaker.recordFailure('server-error');
    expect(breaker.state).toBe('closed');
    breaker.recordFailure('server-error');
    expect(breaker.state).toBe('open');
  });

  test('opens after the threshold of consecutive retryable failures and refuses calls', () => {
    const { breaker } = setup();
    breaker.recordFailure('server-error');
    breaker.recordFailure('timeout');
    expect(breaker.canCall()).toBe(true);
    breaker.recordFailure('overloaded');
    expect(breaker.state).toBe('open');
    expect(breaker.canCall()).toBe(false);
  });

  test('a success in between resets the count', () => {
    const { breaker } = setup();
    breaker.recordFailure('server-error');
    breaker.recordFailure('server-error');
    breaker.recordSuccess();
    breaker.recordFailure('server-error');
    breaker.recordFailure('server-error');
    expect(breaker.state).toBe('closed');
  });

  test.each(['bad-request', 'auth', 'content-filtered', 'not-found', 'context-length-exceeded', 'circuit-open'] as const)(
    'caller and routing errors (%s) do not trip it',
    (kind) => {
      const { breaker } = setup();
      for (let index = 0; index < 10; index++) breaker.recordFailure(kind);
      expect(breaker.state).toBe('closed');
    },
  );

  test('after openMs one probe is allowed, then calls wait for its outcome', () => {
    const { breaker, advance } = setup();
    for (let index = 0; index < 3; index++) breaker.recordFailure('connection');
    advance(9_999);
    expect(breaker.canCall()).toBe(false);
    advance(1);
    expect(breaker.state).toBe('half-open');
    expect(breaker.canCall()).toBe(true);
    expect(breaker.canCall()).toBe(false);
  });

  test('a successful probe closes the circuit', () => {
    const { breaker, advance } = setup();
    for (let index = 0; index < 3; index++) breaker.recordFailure('connection');
    advance(10_000);
    expect(breaker.canCall()).toBe(true);
    breaker.recordSuccess();
    expect(breaker.state).toBe('closed');
    expect(breaker.canCall()).toBe(true);
    expect(breaker.canCall()).toBe(true);
  });

  test('a failed probe opens it again for another openMs', () => {
    const { breaker, advance } = setup();
    for (let index = 0; index < 3; index++) breaker.recordFailure('rate-limited');
    advance(10_000);
    expect(breaker.canCall()).toBe(true);
    breaker.recordFailure('rate-limited');
    expect(breaker.state).toBe('open');
    advance(9_999);
    expect(breaker.canCall()).toBe(false);
    advance(1);
    expect(breaker.canCall()).toBe(true);
  });

  test('a probe answered with a caller error proves the provider is up', () => {
    const { breaker, advance } = setup();
    for (let index = 0; index < 3; index++) breaker.recordFailure('server-error');
    advance(10_000);
    expect(breaker.canCall()).toBe(true);
    breaker.recordFailure('bad-request');
    expect(breaker.state).toBe('closed');
  });

  test('a probe that never reports is given up after another openMs', () => {
    const { breaker, advance } = setup();
    for (let index = 0; index < 3; index++) breaker.recordFailure('server-error');
    advance(10_000);
    expect(breaker.canCall()).toBe(true);
    advance(9_999);
    expect(breaker.canCall()).toBe(false);
    advance(1);
    expect(breaker.canCall()).toBe(true);
  });

  test('late failures of calls started before opening do not extend the open period', () => {
    const { breaker, advance } = setup();
    for (let index = 0; index < 3; index++) breaker.recordFailure('server-error');
    advance(5_000);
    breaker.recordFailure('server-error');
    advance(5_000);
    expect(breaker.state).toBe('half-open');
  });

  test('rejects nonsensical settings', () => {
    expect(() => new CircuitBreaker({ failureThreshold: 0 })).toThrow(RangeError);
    expect(() => new CircuitBreaker({ openMs: -1 })).toThrow(RangeError);
  });
});
