import { CircuitBreakerRegistry } from './circuit-breaker-registry.js';

describe('CircuitBreakerRegistry', () => {
  test('one breaker per provider, sharing the settings', () => {
    let time = 0;
    const registry = new CircuitBreakerRegistry({ failureThreshold: 1, openMs: 100, now: () => time });
    expect(registry.get('openai')).toBe(registry.get('openai'));

    registry.get('openai').recordFailure('server-error');
    expect(registry.get('openai').canCall()).toBe(false);
    expect(registry.get('anthropic').canCall()).toBe(true);
    expect(registry.states()).toEqual({ openai: 'open', anthropic: 'closed' });

    time = 100;
    expect(registry.states()).toEqual({ openai: 'half-open', anthropic: 'closed' });
  });
});
