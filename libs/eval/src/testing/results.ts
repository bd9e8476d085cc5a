import { type QueryResult } from '../query-result.js';

/** A QueryResult with plausible defaults, for summary, gate and report tests. */
export function queryResult(id: string, overrides: Partial<QueryResult> = {}): QueryResult {
  const status = overrides.status ?? 'pass';
  return {
    id,
    tags: [],
    question: `Question ${id}?`,
    status,
    pass: status === 'pass',
    assertions: [],
    answer: `Answer ${id}.`,
    citations: 1,
    latencyMs: 1000,
    costUsd: 0.001,
    graderCostUsd: 0,
    ...(status === 'pass' ? {} : { reason: `${id} went wrong` }),
    ...overrides,
  };
}
