import { ApiError } from '../../http/ballast-api.js';
import { toBatch } from './batch-api.js';
import { describeApiError, formatBatchDetails, formatBatchList, formatFinalSummary, formatLineErrors, formatSubmitted, formatUsd, resumeHint } from './format-batch.js';

const CREATED = 1764240000; // 2025-11-27 10:40:00 UTC

function batch(overrides: Record<string, unknown> = {}) {
  return toBatch({
    id: 'batch_abc',
    object: 'batch',
    mode: 'provider',
    status: 'in_progress',
    endpoint: '/v1/chat/completions',
    completion_window: '24h',
    created_at: CREATED,
    expires_at: CREATED + 86400,
    completed_at: null,
    cancelled_at: null,
    request_counts: { total: 4, completed: 1, failed: 1, invalid: 1, pending: 1, cancelled: 0 },
    cost_usd: 0.00042,
    errors: { data: [{ line: 2, custom_id: null, code: 'invalid-json', message: 'Unexpected token } in JSON' }] },
    metadata: { team: 'search' },
    ballast: { workflow_id: 'batch-batch_abc', temporal_ui_url: 'http://localhost:8233/namespaces/default/workflows/batch-batch_abc' },
    ...overrides,
  });
}

describe('format-batch', () => {
  test('API errors read `title: detail`', () => {
    expect(describeApiError(new ApiError(404, '/problems/batch-not-found', 'No batch batch_x.', 'Not Found'))).toBe('Not Found: No batch batch_x.');
    // A problem with only a title: the detail fell back to it, so it is said once.
    expect(describeApiError(new ApiError(500, undefined, 'Internal Server Error', 'Internal Server Error'))).toBe('Internal Server Error');
    expect(describeApiError(new ApiError(undefined, undefined, 'cannot reach the Ballast API'))).toBe('cannot reach the Ballast API');
  });

  test('dollars keep the digits a small cost needs', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.00042)).toBe('$0.000420');
    expect(formatUsd(0.0123)).toBe('$0.0123');
    expect(formatUsd(12.5)).toBe('$12.50');
    expect(formatUsd(Number.NaN)).toBe('$0.00');
  });

  test('invalid lines: line number, custom_id (or -) and reason', () => {
    const table = formatLineErrors([
      { line: 2, custom_id: null, code: 'invalid-json', message: 'Unexpected token' },
      { line: 13, custom_id: 'a-13', code: 'unknown-model', message: "model 'gpt-9' is not in the catalog" },
    ]);
    expect(table.split('\n')).toEqual(['LINE  CUSTOM_ID  ERROR', '   2  -          invalid-json: Unexpected token', "  13  a-13       unknown-model: model 'gpt-9' is not in the catalog"]);
  });

  test('submitted: id, status, counts and the invalid lines', () => {
    const text = formatSubmitted(batch({ status: 'validating' }));
    expect(text).toMatch(/^Submitted batch batch_abc: validating \(provider mode; 4 lines, 1 invalid\)\n/);
    expect(text).toContain('Invalid lines (left out):\nLINE  CUSTOM_ID  ERROR\n   2  -          invalid-json: Unexpected token } in JSON\n');
    expect(formatSubmitted(batch({ errors: { data: [] }, request_counts: { total: 1, invalid: 0 } }))).toBe('Submitted batch batch_abc: in_progress (provider mode; 1 line, 0 invalid)\n');
    // The API lists only the first errors.
    expect(formatSubmitted(batch({ request_counts: { total: 50, invalid: 30 } }))).toContain('… and 29 more invalid');
  });

  test('details: every fact on its own aligned line', () => {
    const text = formatBatchDetails(batch());
    expect(text).toContain('Batch        batch_abc\n');
    expect(text).toContain('Status       in_progress (provider mode, window 24h)\n');
    expect(text).toContain('Requests     4 total: 1 completed, 1 failed, 1 invalid, 1 pending, 0 cancelled\n');
    expect(text).toContain('Cost         $0.000420\n');
    expect(text).toContain('Created      2025-11-27 10:40:00 UTC\n');
    expect(text).toContain('Expires      2025-11-28 10:40:00 UTC\n');
    expect(text).toContain('Metadata     team=search\n');
    expect(text).toContain('Temporal UI  http://localhost:8233/');
    expect(text).not.toContain('Completed');
    expect(text).toContain('Invalid lines:\nLINE');
  });

  test('final summary: status, time taken, counts, cost and how to get the results', () => {
    const done = batch({ status: 'completed', completed_at: CREATED + 185, request_counts: { total: 4, completed: 2, failed: 1, invalid: 1, pending: 0, cancelled: 0 } });
    expect(formatFinalSummary(done, 0)).toBe(
      'Batch batch_abc completed in 3m 05s: 2 completed, 1 failed, 1 invalid; cost $0.000420\nResults: ballast batch results batch_abc -o batch_abc.jsonl\n',
    );
    const expired = batch({ status: 'expired', request_counts: { total: 2, completed: 0, failed: 0, invalid: 0, pending: 0, cancelled: 2 } });
    expect(formatFinalSummary(expired, (CREATED + 86400) * 1000)).toMatch(/^Batch batch_abc expired in 24h 00m: 0 completed, 0 failed, 0 invalid, 2 cancelled;/);
  });

  test('resume hint', () => {
    expect(resumeHint(batch())).toBe('Stopped waiting; batch batch_abc goes on (in_progress). Resume with: ballast batch status batch_abc --wait\n');
  });

  test('list: a table, or a note when there is none', () => {
    expect(formatBatchList([], false)).toBe('No batches.\n');
    const lines = formatBatchList([batch(), batch({ id: 'batch_def', status: 'completed', mode: 'queued', cost_usd: 1.5 })], true).split('\n');
    expect(lines[0]).toMatch(/^ID\s+STATUS\s+MODE\s+DONE\s+INVALID\s+COST\s+CREATED$/);
    expect(lines[1]).toMatch(/^batch_abc\s+in_progress\s+provider\s+2\/3\s+1\s+\$0\.000420\s+2025-11-27 10:40:00 UTC$/);
    expect(lines[2]).toMatch(/^batch_def\s+completed\s+queued\s+2\/3\s+1\s+\$1\.50\s+2025-11-27/);
    expect(lines[3]).toBe('(more batches: raise --limit)');
  });

  test('a batch object read leniently: missing counts are 0, missing lists empty', () => {
    const sparse = toBatch({ id: 'batch_x', status: 'validating' });
    expect(sparse).toMatchObject({ id: 'batch_x', mode: '', request_counts: { total: 0, completed: 0 }, errors: [], metadata: {}, created_at: null, cost_usd: 0 });
    expect(() => formatBatchDetails(sparse)).not.toThrow();
    expect(formatFinalSummary(sparse, 0)).toBe('Batch batch_x validating: 0 completed, 0 failed, 0 invalid; cost $0.00\n');
  });
});
