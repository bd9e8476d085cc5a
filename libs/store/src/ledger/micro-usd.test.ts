import { microsToUsd, toSafeInteger, usdToMicros } from './micro-usd.js';

test('dollars become whole micro-dollars, and sums of them do not drift', () => {
  expect(usdToMicros(0.1) + usdToMicros(0.2)).toBe(usdToMicros(0.3));
  expect(usdToMicros(12.3456789)).toBe(12_345_679);
  expect(microsToUsd(usdToMicros(0.1) * 3)).toBe(0.3);
});

test('negative, non-finite and huge amounts are refused', () => {
  expect(() => usdToMicros(-0.01)).toThrow(RangeError);
  expect(() => usdToMicros(Number.NaN)).toThrow(RangeError);
  expect(() => usdToMicros(1e12)).toThrow(/too large/);
});

test('driver integers are read whatever their JavaScript type', () => {
  expect(toSafeInteger('12345678901')).toBe(12_345_678_901);
  expect(toSafeInteger(7n)).toBe(7);
  expect(toSafeInteger(null)).toBe(0);
  expect(() => toSafeInteger('9007199254740993')).toThrow(RangeError);
});
