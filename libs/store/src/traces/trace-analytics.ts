import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { nanosToUsd, toSafeInteger } from '../ledger/nano-usd.js';
import type { StoreSchema } from '../schema.js';
import type { TraceScope } from './traces-repository.js';

/** A time range of traces, optionally narrowed to a route or tenant. */
export interface TraceRange {
  readonly scope: TraceScope;
  /** Inclusive. */
  readonly since: Date;
  /** Exclusive. */
  readonly until: Date;
  readonly route?: string;
}

/** Counts and sums of traces in a range (a day, a model, the whole range, …). */
export interface TraceTotals {
  readonly requests: number;
  /** Failed requests (status `error`). */
  readonly errors: number;
  /** Refused requests (status `rejected`: budget, size). */
  readonly rejected: number;
  readonly cacheHits: number;
  readonly costUsd: number;
  readonly fallbacks: number;
  readonly retries: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** Answers that validation scored, their mean groundedness (undefined when none), and how many scored below 0.5. */
  readonly scoredAnswers: number;
  readonly meanGroundedness: number | undefined;
  readonly lowGroundedness: number;
}

/** Totals of one group. */
export interface GroupTotals<K> extends TraceTotals {
  readonly key: K;
}

/** Latencies of answered requests (provider answers and cache hits), ascending. */
export type LatencySamples = Float64Array;

/** A trace cheap enough to list by the thousand: the columns dashboards rank by. */
export interface CostlyTraceRef {
  readonly id: string;
  readonly costUsd: number;
}

// Groundedness below this counts as a hallucination signal in totals.
const LOW_GROUNDEDNESS = 0.5;

type TracesQuery = SelectQueryBuilder<StoreSchema, 'traces', object>;

/**
 * Aggregates over stored traces for the dashboard, alerts and the weekly review. Every query is
 * a range scan of the (tenant, time) or (time) index; percentiles are computed in process from
 * the range's latencies (SQL has no portable percentile).
 */
export class TraceAnalytics {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  /** Totals of the whole range. */
  async totals(range: TraceRange): Promise<TraceTotals> {
    // No GROUP BY: one row even for an empty range.
    const [row] = await this.grouped(range, undefined);
    return row ?? emptyTotals();
  }

  /** Totals per UTC day (`YYYY-MM-DD`), oldest first. */
  async byDay(range: TraceRange): Promise<GroupTotals<string>[]> {
    const rows = await this.grouped(range, sql<string>`substr(created_at, 1, 10)`);
    return rows.sort((left, right) => left.key.localeCompare(right.key));
  }

  /** Totals per answering provider and model (requests nobody answered are left out), costliest first. */
  async byModel(range: TraceRange): Promise<GroupTotals<{ provider: string; model: string }>[]> {
    const rows = await this.grouped(range, sql<string>`coalesce(provider, '') || '\n' || coalesce(model, '')`, (query) => query.where('provider', 'is not', null));
    return rows
      .map((row) => {
        const [provider = '', model = ''] = row.key.split('\n');
        return { ...row, key: { provider, model } };
      })
      .sort((left, right) => right.costUsd - left.costUsd || left.key.model.localeCompare(right.key.model));
  }

  /** Totals per tenant and user, costliest first, at most `limit`. */
  async byUser(range: TraceRange, limit: number): Promise<GroupTotals<{ tenantId: string; userId: string }>[]> {
    const rows = await this.grouped(range, sql<string>`tenant_id || '\n' || user_id`);
    return rows
      .map((row) => {
        const [tenantId = '', userId = ''] = row.key.split('\n');
        return { ...row, key: { tenantId, userId } };
      })
      .sort((left, right) => right.costUsd - left.costUsd || left.key.userId.localeCompare(right.key.userId))
      .slice(0, limit);
  }

  /** Totals per tenant (cost anomaly alerts compare each tenant with its own past). */
  async byTenant(range: TraceRange): Promise<GroupTotals<string>[]> {
    return this.grouped(range, sql<string>`tenant_id`);
  }

  /** Totals per route and prompt template (the weekly review's rows). */
  async byRouteAndTemplate(range: TraceRange): Promise<(GroupTotals<{ route: string; templateId?: string; templateVersion?: string }> & { groupKey: string })[]> {
    const rows = await this.grouped(range, sql<string>`route || '\n' || coalesce(template_id, '') || '\n' || coalesce(template_version, '')`);
    return rows.map((row) => {
      const [route = '', templateId = '', templateVersion = ''] = row.key.split('\n');
      return { ...row, key: { route, ...(templateId === '' ? {} : { templateId, templateVersion }) }, groupKey: row.key };
    });
  }

  /** Failed and refused requests per error type, most frequent first. */
  async errorsByType(range: TraceRange): Promise<{ errorType: string; count: number }[]> {
    const rows = await this.filtered(range)
      .where('status', 'in', ['error', 'rejected'])
      .select((eb) => [sql<string>`coalesce(error_type, 'unknown')`.as('error_type'), eb.fn.countAll<number | string>().as('count')])
      .groupBy(sql`coalesce(error_type, 'unknown')`)
      .execute();
    return rows
      .map((row) => ({ errorType: row.error_type, count: toSafeInteger(row.count) }))
      .sort((left, right) => right.count - left.count || left.errorType.localeCompare(right.errorType));
  }

  /** Latencies of answered requests, ascending, per UTC day and for the whole range. */
  async latencies(range: TraceRange): Promise<{ all: LatencySamples; byDay: Map<string, LatencySamples> }> {
    const rows = await this.filtered(range)
      .where('status', 'in', ['ok', 'cache-hit'])
      .select([sql<string>`substr(created_at, 1, 10)`.as('day'), 'latency_ms'])
      .execute();
    const perDay = new Map<string, number[]>();
    const all = new Float64Array(rows.length);
    rows.forEach((row, index) => {
      const latency = Number(row.latency_ms);
      all[index] = latency;
      const day = perDay.get(row.day);
      if (day === undefined) perDay.set(row.day, [latency]);
      else day.push(latency);
    });
    all.sort();
    const byDay = new Map<string, LatencySamples>();
    for (const [day, values] of perDay) byDay.set(day, Float64Array.from(values).sort());
    return { all, byDay };
  }

  /** Answers with a groundedness score, and how many of them scored below `below`. */
  async groundedness(range: TraceRange, below: number): Promise<{ answers: number; low: number }> {
    const row = await this.filtered(range)
      .where('groundedness', 'is not', null)
      .select((eb) => [eb.fn.countAll<number | string>().as('answers'), sql<number | string | null>`sum(case when groundedness < ${below} then 1 else 0 end)`.as('low')])
      .executeTakeFirst();
    return { answers: toSafeInteger(row?.answers ?? 0), low: toSafeInteger(row?.low ?? 0) };
  }

  /** Latencies of answered requests per route and prompt template (keys as in `byRouteAndTemplate`), ascending. */
  async latenciesByRouteAndTemplate(range: TraceRange): Promise<Map<string, LatencySamples>> {
    const rows = await this.filtered(range)
      .where('status', 'in', ['ok', 'cache-hit'])
      .select([sql<string>`route || '\n' || coalesce(template_id, '') || '\n' || coalesce(template_version, '')`.as('group_key'), 'latency_ms'])
      .execute();
    const groups = new Map<string, number[]>();
    for (const row of rows) {
      const values = groups.get(row.group_key);
      if (values === undefined) groups.set(row.group_key, [Number(row.latency_ms)]);
      else values.push(Number(row.latency_ms));
    }
    return new Map([...groups].map(([key, values]) => [key, Float64Array.from(values).sort()]));
  }

  /** The costliest requests of the range, costliest first. */
  async mostExpensive(range: TraceRange, limit: number): Promise<CostlyTraceRef[]> {
    const rows = await this.filtered(range).select(['id', 'cost_nanos']).where('cost_nanos', '>', 0).orderBy('cost_nanos', 'desc').orderBy('id').limit(limit).execute();
    return rows.map((row) => ({ id: row.id, costUsd: nanosToUsd(toSafeInteger(row.cost_nanos)) }));
  }

  private filtered(range: TraceRange): TracesQuery {
    let query: TracesQuery = this.db.selectFrom('traces').where('created_at', '>=', range.since.toISOString()).where('created_at', '<', range.until.toISOString());
    if (range.scope !== 'all-tenants') query = query.where('tenant_id', '=', range.scope.tenantId);
    if (range.route !== undefined) query = query.where('route', '=', range.route);
    return query;
  }

  private async grouped(range: TraceRange, key: ReturnType<typeof sql<string>> | undefined, narrow: (query: TracesQuery) => TracesQuery = (query) => query): Promise<GroupTotals<string>[]> {
    const query = narrow(this.filtered(range))
      .select((eb) => [
        (key ?? sql<string>`'all'`).as('group_key'),
        eb.fn.countAll<number | string>().as('requests'),
        sql<number | string>`sum(case when status = 'error' then 1 else 0 end)`.as('errors'),
        sql<number | string>`sum(case when status = 'rejected' then 1 else 0 end)`.as('rejected'),
        sql<number | string>`sum(case when status = 'cache-hit' then 1 else 0 end)`.as('cache_hits'),
        eb.fn.sum<number | string>('cost_nanos').as('cost_nanos'),
        eb.fn.sum<number | string>('fallbacks').as('fallbacks'),
        eb.fn.sum<number | string>('retries').as('retries'),
        eb.fn.sum<number | string>('input_tokens').as('input_tokens'),
        eb.fn.sum<number | string>('output_tokens').as('output_tokens'),
        eb.fn.count<number | string>('groundedness').as('scored'),
        eb.fn.avg<number | string | null>('groundedness').as('mean_groundedness'),
        sql<number | string>`sum(case when groundedness < ${LOW_GROUNDEDNESS} then 1 else 0 end)`.as('low_groundedness'),
      ]);
    const rows = await (key === undefined ? query : query.groupBy(key)).execute();
    return rows.map((row) => ({
      key: String(row.group_key),
      requests: toSafeInteger(row.requests),
      errors: toSafeInteger(row.errors),
      rejected: toSafeInteger(row.rejected),
      cacheHits: toSafeInteger(row.cache_hits),
      costUsd: nanosToUsd(toSafeInteger(row.cost_nanos)),
      fallbacks: toSafeInteger(row.fallbacks),
      retries: toSafeInteger(row.retries),
      inputTokens: toSafeInteger(row.input_tokens),
      outputTokens: toSafeInteger(row.output_tokens),
      scoredAnswers: toSafeInteger(row.scored),
      meanGroundedness: row.mean_groundedness === null ? undefined : Number(row.mean_groundedness),
      lowGroundedness: toSafeInteger(row.low_groundedness),
    }));
  }
}

function emptyTotals(): TraceTotals {
  return { requests: 0, errors: 0, rejected: 0, cacheHits: 0, costUsd: 0, fallbacks: 0, retries: 0, inputTokens: 0, outputTokens: 0, scoredAnswers: 0, meanGroundedness: undefined, lowGroundedness: 0 };
}
