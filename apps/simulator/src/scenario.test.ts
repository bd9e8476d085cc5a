import { pickFault } from './fault-picker.js';
import { InvalidScenarioError, parseScenario } from './scenario.js';
import { ScenarioRegistry } from './scenario-registry.js';
import { createSeededRandom } from './seeded-random.js';

describe('parseScenario', () => {
  it('accepts every documented field', () => {
    const scenario = {
      latencyMs: { distribution: 'lognormal', median: 100, p99: 900 },
      chunkDelayMs: 5,
      outputTokens: 60,
      contextWindow: 8000,
      faults: [
        { kind: 'status', status: 429, rate: 0.2, count: 3, retryAfterSeconds: 1, retryAfterMs: 500, message: 'slow down' },
        { kind: 'hang', rate: 0.01 },
        { kind: 'malformed', count: 1 },
        { kind: 'cut-stream', afterChunks: 3 },
      ],
    };
    expect(parseScenario(scenario)).toEqual(scenario);
  });

  it.each([
    [{ faults: [{ kind: 'status', status: 429, rate: 2 }] }, 'faults[0].rate'],
    [{ latencyMs: { distribution: 'lognormal', median: 100, p99: 50 } }, 'p99 >= median'],
    [{ outputTokens: 0 }, 'outputTokens'],
    [{ chunkDelay: 5 }, 'chunkDelay'],
    [{ faults: [{ kind: 'cut-stream' }] }, 'faults[0].afterChunks'],
  ])('rejects %j, naming %s', (input, fragment) => {
    expect(() => parseScenario(input)).toThrow(InvalidScenarioError);
    expect(() => parseScenario(input)).toThrow(fragment);
  });
});

describe('pickFault', () => {
  it('fires a count-limited fault that many times, and restarts the count when the scenario is replaced', () => {
    const registry = new ScenarioRegistry();
    registry.set('m', { faults: [{ kind: 'status', status: 500, count: 2 }] });
    const random = createSeededRandom(1);
    const kinds = () => Array.from({ length: 3 }, () => pickFault(registry.resolve('m'), { streaming: false }, random)?.kind);
    expect(kinds()).toEqual(['status', 'status', undefined]);
    registry.set('m', { faults: [{ kind: 'status', status: 500, count: 2 }] });
    expect(kinds()).toEqual(['status', 'status', undefined]);
  });

  it('fires a fault at about its rate', () => {
    const registry = new ScenarioRegistry({ '*': { faults: [{ kind: 'hang', rate: 0.3 }] } });
    const random = createSeededRandom(9);
    const fired = Array.from({ length: 2000 }, () => pickFault(registry.resolve('any'), { streaming: false }, random)).filter(Boolean).length;
    expect(fired / 2000).toBeGreaterThan(0.26);
    expect(fired / 2000).toBeLessThan(0.34);
  });

  it('skips cut-stream for plain calls and lets the next fault fire', () => {
    const registry = new ScenarioRegistry({ m: { faults: [{ kind: 'cut-stream', afterChunks: 1 }, { kind: 'malformed' }] } });
    const random = createSeededRandom(1);
    expect(pickFault(registry.resolve('m'), { streaming: false }, random)?.kind).toBe('malformed');
    expect(pickFault(registry.resolve('m'), { streaming: true }, random)?.kind).toBe('cut-stream');
  });
});
