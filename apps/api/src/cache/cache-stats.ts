import type { CacheBypassReason } from './cache-report.js';

/** What a served or joined answer saved: the original call's tokens and cost. */
export interface CacheSavings {
  readonly inputTokens: number | null;
  readonly outputTokens: number | null;
  readonly costUsd: number;
}

/** Counters of one tenant since the process started. */
interface TenantCounters {
  hitsExact: number;
  hitsSemantic: number;
  misses: number;
  joined: number;
  bypasses: Record<string, number>;
  admitted: number;
  notAdmitted: Record<string, number>;
  invalidated: number;
  savedInputTokens: number;
  savedOutputTokens: number;
  savedUsd: number;
}

/**
 * Cache outcomes per tenant, in this process (replicas count their own). Hit rate is hits over
 * lookups (hits + misses); bypasses are counted apart, by reason, since they never looked.
 * Savings add up the provider tokens and cost of every answer served from the cache or
 * joined from an identical request in flight: calls that were not made.
 */
export class CacheStats {
  private readonly tenants = new Map<string, TenantCounters>();
  /** When counting started (ISO-8601). */
  readonly since: string;

  constructor(now: Date = new Date()) {
    this.since = now.toISOString();
  }

  hit(tenantId: string, kind: 'exact' | 'semantic', saved: CacheSavings): void {
    const counters = this.of(tenantId);
    if (kind === 'exact') counters.hitsExact += 1;
    else counters.hitsSemantic += 1;
    this.save(counters, saved);
  }

  miss(tenantId: string): void {
    this.of(tenantId).misses += 1;
  }

  /** A miss that made no provider call: an identical request was running. */
  joined(tenantId: string, saved: CacheSavings): void {
    const counters = this.of(tenantId);
    counters.joined += 1;
    this.save(counters, saved);
  }

  bypass(tenantId: string, reason: CacheBypassReason): void {
    const counters = this.of(tenantId);
    counters.bypasses[reason] = (counters.bypasses[reason] ?? 0) + 1;
  }

  admission(tenantId: string, decision: { readonly admit: true } | { readonly admit: false; readonly reason: string }): void {
    const counters = this.of(tenantId);
    if (decision.admit) counters.admitted += 1;
    else counters.notAdmitted[decision.reason] = (counters.notAdmitted[decision.reason] ?? 0) + 1;
  }

  /** Entries dropped because a document they cited changed or went away. */
  invalidated(tenantId: string, entries: number): void {
    this.of(tenantId).invalidated += entries;
  }

  /** The tenant's counters in the API's snake_case (zeros for a tenant never seen). */
  report(tenantId: string) {
    const counters = this.tenants.get(tenantId) ?? emptyCounters();
    const hits = counters.hitsExact + counters.hitsSemantic;
    const lookups = hits + counters.misses;
    return {
      tenant_id: tenantId,
      since: this.since,
      lookups,
      hits: { exact: counters.hitsExact, semantic: counters.hitsSemantic, total: hits },
      misses: counters.misses,
      /** Misses answered by an identical request already running (no provider call of their own). */
      joined: counters.joined,
      hit_rate: lookups === 0 ? null : round(hits / lookups, 4),
      bypasses: { ...counters.bypasses },
      admitted: counters.admitted,
      not_admitted: { ...counters.notAdmitted },
      invalidated: counters.invalidated,
      saved: {
        input_tokens: counters.savedInputTokens,
        output_tokens: counters.savedOutputTokens,
        total_tokens: counters.savedInputTokens + counters.savedOutputTokens,
        cost_usd: round(counters.savedUsd, 9),
      },
    };
  }

  private save(counters: TenantCounters, saved: CacheSavings): void {
    counters.savedInputTokens += saved.inputTokens ?? 0;
    counters.savedOutputTokens += saved.outputTokens ?? 0;
    counters.savedUsd += saved.costUsd;
  }

  private of(tenantId: string): TenantCounters {
    let counters = this.tenants.get(tenantId);
    if (counters === undefined) this.tenants.set(tenantId, (counters = emptyCounters()));
    return counters;
  }
}

function emptyCounters(): TenantCounters {
  return { hitsExact: 0, hitsSemantic: 0, misses: 0, joined: 0, bypasses: {}, admitted: 0, notAdmitted: {}, invalidated: 0, savedInputTokens: 0, savedOutputTokens: 0, savedUsd: 0 };
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
