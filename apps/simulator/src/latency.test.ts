import { drawLatencyMs } from './latency.js';
import { createSeededRandom } from './seeded-random.js';

const draws = (count: number, draw: () => number) => Array.from({ length: count }, draw).sort((left, right) => left - right);

describe('drawLatencyMs', () => {
  it('is 0 without a spec and exact for a fixed one', () => {
    const random = createSeededRandom(1);
    expect(drawLatencyMs(undefined, random)).toBe(0);
    expect(drawLatencyMs({ distribution: 'fixed', value: 25 }, random)).toBe(25);
  });

  it('stays inside a uniform range', () => {
    const random = createSeededRandom(1);
    const values = draws(1000, () => drawLatencyMs({ distribution: 'uniform', min: 10, max: 20 }, random));
    expect(values[0]).toBeGreaterThanOrEqual(10);
    expect(values.at(-1)).toBeLessThanOrEqual(20);
  });

  it('matches the lognormal median and p99 it was given', () => {
    const random = createSeededRandom(3);
    const values = draws(20000, () => drawLatencyMs({ distribution: 'lognormal', median: 100, p99: 1000 }, random));
    expect(values[10000]).toBeGreaterThan(95);
    expect(values[10000]).toBeLessThan(105);
    expect(values[19800]).toBeGreaterThan(850);
    expect(values[19800]).toBeLessThan(1150);
  });
});
