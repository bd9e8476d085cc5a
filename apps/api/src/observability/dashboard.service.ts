import { Injectable } from '@nestjs/common';
import { percentile } from '#libs/observability';
import type { LatencySamples, TraceRange, TraceTotals } from '#libs/store';
import { AppSettings } from '../app-settings.js';
import type { AccessCaller } from '../auth/access-caller.js';
import { RagRuntimeRef } from '../rag-runtime-ref.js';
import { AlertsReader } from './alerts-reader.js';
import { toTraceSummary } from './to-trace-response.js';
import { traceScopeFor } from './trace-scope.js';
import type { DashboardQueryInput } from './traces-query.dto.js';

const DAY_MS = 86_400_000;
const TOP_USERS = 10;
const MOST_EXPENSIVE = 10;
/** Eval runs charted (newest; the trend reads oldest to newest). */
const EVAL_RUNS = 20;

/** The figures behind `/dashboard`: one JSON document per page load, from the trace store. */
@Injectable()
export class DashboardService {
  constructor(
    private readonly rag: RagRuntimeRef,
    private readonly settings: AppSettings,
    private readonly alerts: AlertsReader,
  ) {}

  async overview(query: DashboardQueryInput, caller: AccessCaller) {
    const scope = traceScopeFor(caller, query.tenant_id);
    const now = new Date();
    // Whole UTC days: today and the days before it.
    const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - (query.days - 1) * DAY_MS);
    const range: TraceRange = { scope, since, until: new Date(now.getTime() + 1) };
    const analytics = this.rag.runtime.traceAnalytics;
    const [totals, days, models, users, errors, latencies, expensive, alerts, review, evalRuns] = await Promise.all([
      analytics.totals(range),
      analytics.byDay(range),
      analytics.byModel(range),
      analytics.byUser(range, TOP_USERS),
      analytics.errorsByType(range),
      analytics.latencies(range),
      analytics.mostExpensive(range, MOST_EXPENSIVE),
      this.alerts.current(scope),
      this.alerts.latestReview(scope),
      this.rag.runtime.evalRuns.list(scope, { limit: EVAL_RUNS }),
    ]);
    const link = (workflowId: string) => this.settings.temporalUiLink(workflowId);
    const expensiveTraces = await Promise.all(expensive.map((ref) => this.rag.runtime.traces.get(ref.id, scope)));
    const dayKeys = everyDay(since, query.days);
    const byDay = new Map(days.map((day) => [day.key, day]));
    return {
      generated_at: now.toISOString(),
      since: since.toISOString(),
      days: query.days,
      totals: {
        requests: totals.requests,
        errors: totals.errors,
        cost_usd: roundUsd(totals.costUsd),
        cache_hits: totals.cacheHits,
        cache_hit_rate: ratio(totals.cacheHits, totals.requests),
        fallbacks: totals.fallbacks,
        retries: totals.retries,
        ...latencyFigures(latencies.all),
        groundedness_mean: totals.meanGroundedness ?? null,
        low_groundedness_share: totals.scoredAnswers === 0 ? null : totals.lowGroundedness / totals.scoredAnswers,
        budget_rejections: errors.find((error) => error.errorType === 'budget-exceeded')?.count ?? 0,
      },
      spend_by_day: dayKeys.map((day) => ({ day, cost_usd: roundUsd(byDay.get(day)?.costUsd ?? 0), requests: byDay.get(day)?.requests ?? 0 })),
      spend_by_model: models.map((row) => ({ provider: row.key.provider, model: row.key.model, cost_usd: roundUsd(row.costUsd), requests: row.requests })),
      spend_by_user: users.map((row) => ({ tenant_id: row.key.tenantId, user_id: row.key.userId, cost_usd: roundUsd(row.costUsd), requests: row.requests })),
      latency_by_day: dayKeys.map((day) => {
        const figures = latencyFigures(latencies.byDay.get(day) ?? new Float64Array());
        return { day, p50_ms: figures.p50_ms, p95_ms: figures.p95_ms, p99_ms: figures.p99_ms };
      }),
      cache_by_day: dayKeys.map((day) => {
        const totalsOfDay = byDay.get(day);
        return { day, hits: totalsOfDay?.cacheHits ?? 0, requests: totalsOfDay?.requests ?? 0, hit_rate: ratio(totalsOfDay?.cacheHits ?? 0, totalsOfDay?.requests ?? 0) };
      }),
      fallbacks_by_day: dayKeys.map((day) => ({ day, fallbacks: byDay.get(day)?.fallbacks ?? 0, retries: byDay.get(day)?.retries ?? 0 })),
      errors_by_type: errors.map((error) => ({ error_type: error.errorType, count: error.count })),
      groundedness_by_day: dayKeys.map((day) => groundednessOf(day, byDay.get(day))),
      most_expensive: expensiveTraces.flatMap((trace) => (trace === undefined ? [] : [toTraceSummary(trace, link)])),
      alerts,
      review,
      eval_runs: evalRuns.items.map((run) => ({
        id: run.id,
        suite: run.suite,
        status: run.status,
        trigger: run.trigger,
        tenant_id: run.tenantId,
        queries: run.queries,
        created_at: run.createdAt,
        pass_rate: run.completion?.passRate ?? null,
        mean_groundedness: run.completion?.meanGroundedness ?? null,
        total_cost_usd: run.completion?.totalCostUsd ?? null,
        gate: run.completion?.gate ?? null,
      })),
    };
  }
}

function everyDay(since: Date, days: number): string[] {
  return Array.from({ length: days }, (_, index) => new Date(since.getTime() + index * DAY_MS).toISOString().slice(0, 10));
}

function latencyFigures(samples: LatencySamples): { p50_ms: number | null; p95_ms: number | null; p99_ms: number | null } {
  const values = Array.from(samples);
  return { p50_ms: percentile(values, 50) ?? null, p95_ms: percentile(values, 95) ?? null, p99_ms: percentile(values, 99) ?? null };
}

function groundednessOf(day: string, totals: TraceTotals | undefined) {
  return { day, mean: totals?.meanGroundedness ?? null, answers: totals?.scoredAnswers ?? 0 };
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}

// Sums of nano-dollars: shown to the cent-fraction a dashboard needs, without float noise.
function roundUsd(usd: number): number {
  return Math.round(usd * 1e6) / 1e6;
}
