import { UsageQuerySchema } from './usage-query.dto.js';

test('dates and date-times are read as UTC instants; group_by defaults to day', () => {
  expect(UsageQuerySchema.parse({ from: '2031-01-01', to: '2031-01-02T12:00:00+02:00' })).toEqual({
    groupBy: 'day',
    from: new Date('2031-01-01T00:00:00.000Z'),
    to: new Date('2031-01-02T10:00:00.000Z'),
    tenantId: undefined,
  });
});

test('without from and to the window is this UTC month up to the end of today', () => {
  const { from, to } = UsageQuerySchema.parse({ group_by: 'model' });
  const now = new Date();
  expect(from.toISOString()).toBe(`${now.toISOString().slice(0, 7)}-01T00:00:00.000Z`);
  expect(to.getTime()).toBeGreaterThan(now.getTime());
  expect(to.getTime() - now.getTime()).toBeLessThanOrEqual(86_400_000);
});

test('each invalid parameter is named', () => {
  const issues = (query: Record<string, string>) => UsageQuerySchema.safeParse(query).error?.issues.map((issue) => [issue.path.join('.'), issue.message]);
  expect(issues({ group_by: 'tenant' })).toEqual([['group_by', 'group_by must be one of user, key, model, day']]);
  expect(issues({ from: 'yesterday' })?.[0]?.[0]).toBe('from');
  expect(issues({ from: '2031-02-30' })?.[0]?.[0]).toBe('from');
  expect(issues({ from: '2031-01-02', to: '2031-01-01' })).toEqual([['from', 'from must be before to']]);
  expect(issues({ from: '2030-01-01', to: '2031-06-01' })).toEqual([['to', 'the window from..to may cover at most 366 days']]);
  expect(issues({ groupBy: 'day' })?.[0]?.[1]).toMatch(/groupBy/);
});
