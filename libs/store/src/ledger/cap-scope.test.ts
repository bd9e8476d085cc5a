import { capPeriod } from './cap-scope.js';

test('daily caps reset at the next UTC midnight, monthly caps on the first of the next month', () => {
  const now = new Date('2025-12-31T23:59:59.999Z');
  expect(capPeriod('tenant-day', now)).toEqual({ period: '2025-12-31', resetsAt: '2026-01-01T00:00:00.000Z' });
  expect(capPeriod('key-month', now)).toEqual({ period: '2025-12', resetsAt: '2026-01-01T00:00:00.000Z' });
  expect(capPeriod('global-day', new Date('2024-02-28T10:00:00Z'))).toEqual({ period: '2024-02-28', resetsAt: '2024-02-29T00:00:00.000Z' });
  expect(capPeriod('user-month', new Date('2024-02-01T00:00:00Z'))).toEqual({ period: '2024-02', resetsAt: '2024-03-01T00:00:00.000Z' });
});
