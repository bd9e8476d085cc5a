import { nanosToUsd, toSafeInteger, usdToNanos } from './nano-usd.js';

test('dollars become whole nano-dollars, and sums of them do not drift', () => {
  expect(usdToNanos(0.1) + usdToNanos(0.2)).toBe(usdToNanos(0.3));
  expect(usdToNanos(12.3456789)).toBe(12_345_678_900);
  expect(usdToNanos(0.0000492)).toBe(49_200);
  expect(nanosToUsd(usdToNanos(0.1) * 3)).toBe(0.3);
});

test('negative, non-finite and huge amounts are refused', () => {
  expect(() => usdToNanos(-0.01)).toThrow(RangeError);
  expect(() => usdToNanos(Number.NaN)).toThrow(RangeError);
  expect(() => usdToNanos(1e7)).toThrow(/too large/);
});

test('driver integers are read whatever their JavaScript type', () => {
  expect(toSafeInteger('12345678901')).toBe(12_345_678_901);
  expect(toSafeInteger(7n)).toBe(7);
  expect(toSafeInteger(null)).toBe(0);
  expect(() => toSafeInteger('9007199254740993')).toThrow(RangeError);
});
