import { ListRequestsQuerySchema } from './list-requests-query.dto.js';
import { requestsVisibilityQuery } from './visibility-query.js';

const parse = (query: Record<string, string>) => ListRequestsQuerySchema.parse(query);

test('the tenant and workflow type are always part of the query; filters add clauses', () => {
  expect(requestsVisibilityQuery('tenant-a', parse({}))).toBe('WorkflowType = "chatWorkflow" AND BallastTenant = "tenant-a"');
  expect(requestsVisibilityQuery('tenant-a', parse({ status: 'failed,timed_out', since: '2031-01-01', route: 'simple', model: 'openai/gpt-4.1-mini', user: 'alice' }))).toBe(
    'WorkflowType = "chatWorkflow" AND BallastTenant = "tenant-a" AND (ExecutionStatus = "Failed" OR ExecutionStatus = "TimedOut") AND ' +
      'StartTime >= "2031-01-01T00:00:00.000Z" AND BallastRoute = "simple" AND BallastModel = "openai/gpt-4.1-mini" AND BallastUser = "alice"',
  );
});

test('canceled and cancelled name the same status once', () => {
  expect(requestsVisibilityQuery('t', parse({ status: 'canceled,cancelled' }))).toContain('AND ExecutionStatus = "Canceled"');
});

test('a tenant id that could break out of its quotes is refused, not spliced', () => {
  expect(() => requestsVisibilityQuery('a" OR BallastTenant = "b', parse({}))).toThrow(/quotes/);
});
