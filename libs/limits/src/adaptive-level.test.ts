import { currentLevel, cutLevel, DEFAULT_ADAPTIVE_OPTIONS } from './adaptive-level.js';

const T0 = 1_000_000;

test('a 429 halves the rate, and the rate recovers 10% of the configured rate every 10 s', () => {
  const cut = cutLevel(undefined, T0, undefined);
  expect(cut).toEqual({ level: 0.5, cutAtMs: T0, pausedUntilMs: T0 });
  expect(currentLevel(cut, T0 + 9_999)).toBe(0.5);
  expect(currentLevel(cut, T0 + 10_000)).toBeCloseTo(0.6);
  expect(currentLevel(cut, T0 + 49_999)).toBeCloseTo(0.9);
  expect(currentLevel(cut, T0 + 3_600_000)).toBe(1);
  expect(currentLevel(undefined, T0)).toBe(1);
});

test('429s in a burst cut once; a later one cuts from the recovered level, never below the floor', () => {
  const first = cutLevel(undefined, T0, 1_000);
  const burst = cutLevel(first, T0 + 4_999, 3_000);
  expect(burst).toEqual({ level: 0.5, cutAtMs: T0, pausedUntilMs: T0 + 4_999 + 3_000 });
  const later = cutLevel(burst, T0 + 20_000, undefined);
  expect(later.level).toBeCloseTo(0.35);
  expect(later.pausedUntilMs).toBe(T0 + 20_000);

  let state = later;
  for (let index = 1; index <= 10; index += 1) {
    state = cutLevel(state, state.cutAtMs + DEFAULT_ADAPTIVE_OPTIONS.cooldownMs, undefined);
  }
  expect(state.level).toBe(DEFAULT_ADAPTIVE_OPTIONS.minLevel);
});
