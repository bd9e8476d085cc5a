import { formatCount, formatFactor, formatMs, formatPercent, formatScore, formatUnitCost, formatUsd } from './figures.js';

test('counts and milliseconds get thousands separators and no decimals', () => {
  expect(formatCount(1_234_567.4)).toBe('1,234,567');
  expect(formatMs(1240)).toBe('1,240 ms');
  expect(formatMs(409.6)).toBe('410 ms');
});

test('dollars have cents, and amounts under a cent keep two significant digits', () => {
  expect(formatUsd(1234.5)).toBe('$1,234.50');
  expect(formatUsd(0)).toBe('$0.00');
  expect(formatUsd(0.004213)).toBe('$0.0042');
  expect(formatUsd(0.0000004)).toBe('$0.0000004');
  expect(formatUsd(-2.5)).toBe('-$2.50');
});

test('unit costs keep three significant digits under a dollar', () => {
  expect([50.4 / 1180, 0.004, 0.01, 0, 1.254, 0.5, -0.5, 1e-7].map(formatUnitCost)).toEqual(['$0.0427', '$0.004', '$0.01', '$0.00', '$1.25', '$0.50', '-$0.50', '$0.0000001']);
});

test('ratios read as percentages, scores and factors compactly', () => {
  expect([0.075, 0.14, 1, 0.12345].map(formatPercent)).toEqual(['7.5%', '14%', '100%', '12.3%']);
  expect(formatScore(0.4123)).toBe('0.41');
  expect([2, 1.5, 3.333].map(formatFactor)).toEqual(['2×', '1.5×', '3.33×']);
});
