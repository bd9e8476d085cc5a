import { jest } from '@jest/globals';
import { startCallDeadline } from './call-deadline.js';

describe('startCallDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  test('aborts and reports a timeout when the time is up', () => {
    const deadline = startCallDeadline({ timeoutMs: 100 });
    jest.advanceTimersByTime(99);
    expect(deadline.signal.aborted).toBe(false);
    jest.advanceTimersByTime(1);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.timedOut).toBe(true);
  });

  test('follows the caller abort without calling it a timeout', () => {
    const caller = new AbortController();
    const deadline = startCallDeadline({ timeoutMs: 100, abortSignal: caller.signal });
    const reason = new Error('cancelled by workflow');
    caller.abort(reason);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBe(reason);
    expect(deadline.timedOut).toBe(false);
  });

  test('an already aborted caller signal aborts at once', () => {
    const caller = new AbortController();
    caller.abort();
    expect(startCallDeadline({ timeoutMs: 100, abortSignal: caller.signal }).signal.aborted).toBe(true);
  });

  test('dispose stops the timer', () => {
    const deadline = startCallDeadline({ timeoutMs: 100 });
    deadline.dispose();
    jest.advanceTimersByTime(1000);
    expect(deadline.signal.aborted).toBe(false);
    expect(deadline.timedOut).toBe(false);
  });
});
