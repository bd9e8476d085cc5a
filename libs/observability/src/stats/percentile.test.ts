import { percentile } from './percentile.js';

test('nearest rank: the value at rank ceil(p/100 × n) of the sorted values', () => {
  const values = [15, 20, 35, 40, 50];
  expect([0, 5, 30, 40, 50, 95, 100].map((p) => percentile(values, p))).toEqual([15, 15, 20, 20, 35, 50, 50]);
});

test('unsorted input gives the same answer and is left as it was', () => {
  const values = [50, 15, 40, 20, 35];
  expect(percentile(values, 40)).toBe(20);
  expect(values).toEqual([50, 15, 40, 20, 35]);
});

test('p95 of 1..100 is 95, and of 20 values the 19th', () => {
  const hundred = Array.from({ length: 100 }, (_, index) => index + 1);
  expect(percentile(hundred, 95)).toBe(95);
  expect(percentile(hundred.slice(0, 20), 95)).toBe(19);
});

test('no values, no percentile; p outside 0–100 is refused with the value', () => {
  expect(percentile([], 95)).toBeUndefined();
  expect(() => percentile([1], 101)).toThrow('between 0 and 100, got 101');
  expect(() => percentile([1], Number.NaN)).toThrow('got NaN');
});
