import { percentile } from '#libs/observability';
import { type QueryResult, type QueryStatus } from './query-result.js';

export interface TagSummary {
  queries: number;
  passed: number;
  passRate: number;
}

export interface QueryFailure {
  id: string;
  status: Exclude<QueryStatus, 'pass'>;
  reason: string;
}

/** A run of a suite in numbers: what the gate and the reports read. */
export interface EvalSummary {
  queries: number;
  passed: number;
  failed: number;
  incomplete: number;
  errored: number;
  /** passed / queries; 0 for no queries. */
  passRate: number;
  /** Per tag, sorted by tag; untagged queries count in the totals only. */
  byTag: Record<string, TagSummary>;
  /** Mean over the queries that have a groundedness score; null when none has. */
  meanGroundedness: number | null;
  latencyMs: { p50: number | null; p95: number | null };
  /** Answers only. */
  costUsd: number;
  graderCostUsd: number;
  /** costUsd + graderCostUsd. */
  totalCostUsd: number;
  /** Ids of the queries that passed: a later run compares against them. */
  passedIds: string[];
  /** Every query that did not pass, in run order. */
  failures: QueryFailure[];
}

export function summarize(results: readonly QueryResult[]): EvalSummary {
  const count = (status: QueryStatus) => results.filter((result) => result.status === status).length;
  const passed = count('pass');
  const tags = new Map<string, { queries: number; passed: number }>();
  for (const result of results) {
    for (const tag of new Set(result.tags)) {
      const entry = tags.get(tag) ?? { queries: 0, passed: 0 };
      entry.queries += 1;
      if (result.pass) entry.passed += 1;
      tags.set(tag, entry);
    }
  }
  const byTag: Record<string, TagSummary> = {};
  for (const tag of [...tags.keys()].sort()) {
    const entry = tags.get(tag) as { queries: number; passed: number };
    byTag[tag] = { ...entry, passRate: entry.passed / entry.queries };
  }
  const scores = results.flatMap((result) => (result.groundedness !== undefined && Number.isFinite(result.groundedness) ? [result.groundedness] : []));
  const latencies = results.flatMap((result) => (Number.isFinite(result.latencyMs) ? [result.latencyMs] : []));
  const costUsd = sum(results.map((result) => result.costUsd));
  const graderCostUsd = sum(results.map((result) => result.graderCostUsd));
  return {
    queries: results.length,
    passed,
    failed: count('fail'),
    incomplete: count('incomplete'),
    errored: count('error'),
    passRate: results.length === 0 ? 0 : passed / results.length,
    byTag,
    meanGroundedness: scores.length === 0 ? null : sum(scores) / scores.length,
    latencyMs: { p50: percentile(latencies, 50) ?? null, p95: percentile(latencies, 95) ?? null },
    costUsd,
    graderCostUsd,
    totalCostUsd: costUsd + graderCostUsd,
    passedIds: results.filter((result) => result.pass).map((result) => result.id),
    failures: results.flatMap((result) => (result.status === 'pass' ? [] : [{ id: result.id, status: result.status, reason: result.reason ?? result.status }])),
  };
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + (Number.isFinite(value) ? value : 0), 0);
}
