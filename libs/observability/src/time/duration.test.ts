import { durationMs, durationSchema, formatElapsed, InvalidDurationError, tryDurationMs } from './duration.js';

test('durations are whole numbers with units, combinable', () => {
  expect(['250ms', '10s', '1m', '5m', '1h', '1h30m', '24h', '7d', '2w'].map(durationMs)).toEqual([
    250, 10_000, 60_000, 300_000, 3_600_000, 5_400_000, 86_400_000, 604_800_000, 1_209_600_000,
  ]);
});

test.each(['', '5', 'm', '1.5h', '5 m', '-5m', '5M', '0s', 'five minutes', '5m '])('%j is not a duration', (text) => {
  expect(tryDurationMs(text)).toBeUndefined();
  expect(() => durationMs(text)).toThrow(InvalidDurationError);
  expect(() => durationMs(text)).toThrow(`'${text}' is not a duration`);
});

test('the schema keeps the string and explains refusals', () => {
  const schema = durationSchema({ min: '10s' });
  expect(schema.parse('1m')).toBe('1m');
  expect(schema.safeParse('5s').error?.issues[0]?.message).toBe("'5s' is shorter than the minimum of 10s");
  expect(schema.safeParse('soon').error?.issues[0]?.message).toContain("'soon' is not a duration");
});

test('elapsed times read in their two largest units', () => {
  expect([0, 44_600, 60_000, 12 * 60_000, 3_600_000, 7_500_000, 86_400_000, 86_400_000 + 4 * 3_600_000 + 60_000].map(formatElapsed)).toEqual([
    '0s',
    '45s',
    '1m',
    '12m',
    '1h',
    '2h 5m',
    '1d',
    '1d 4h',
  ]);
});
