/**
 * Per-request overhead of access control on the embedded SQLite store: API-key lookup (sha256 +
 * indexed SELECT), per-key RPM/TPM check (in memory), budget reserve across every cap, and the
 * settle that charges the real cost and records usage.
 *
 *   node dist/bench/access-overhead.js [--requests 5000] [--concurrency 16] [--rounds 3]
 *
 * Prints JSON. Baselines measured in the same run, on the same database and connection: a bare
 * `SELECT 1` round trip through Kysely, an empty `BEGIN IMMEDIATE … COMMIT`, and a write
 * transaction upserting one row (the floor of any durable write; a request needs two: reserve
 * and settle).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { MemoryRateLimiter, perMinuteRules } from '#libs/limits';
import { ApiKeysRepository, capScopesFor, createDatabase, inWriteTransaction, SpendLedger, type BudgetCaps } from '#libs/store';
import { round, summarize, type LatencySummary } from './latency-stats.js';
import { machineInfo } from './machine-info.js';

const GOAL_P50_MS = 1;
const CAPS: BudgetCaps = { globalDailyUsd: 1e9, tenantDailyUsd: 1e9, tenantMonthlyUsd: 1e9, keyDailyUsd: 1e9, keyMonthlyUsd: 1e9, softLimitRatio: 0.8 };
const ESTIMATED_TOKENS = 1_500;
const WORST_CASE_USD = 0.02;
const ACTUAL_USD = 0.004_2;

/** Timings of one full request through access control (ms). */
interface RequestTiming {
  readonly totalMs: number;
  readonly keyLookupMs: number;
  readonly rateLimitMs: number;
  readonly reserveMs: number;
  readonly settleMs: number;
}

/** The benchmark's result document. */
export interface AccessOverheadResult {
  readonly benchmark: 'access-overhead';
  readonly machine: ReturnType<typeof machineInfo> & { readonly loadAverage: readonly number[] };
  readonly setup: { readonly database: string; readonly caps: number; readonly requests: number; readonly concurrency: number; readonly rounds: number };
  readonly sequential: {
    /** CPU time (user + system) of this process per request: what a request costs when nothing else competes for the core. */
    readonly cpuMsPerRequest: number;
    readonly total: LatencySummary;
    readonly keyLookup: LatencySummary;
    readonly rateLimit: LatencySummary;
    readonly reserve: LatencySummary;
    readonly settle: LatencySummary;
  };
  readonly baseline: { readonly select1: LatencySummary; readonly emptyWriteTransaction: LatencySummary; readonly oneRowWriteTransaction: LatencySummary };
  readonly concurrent: { readonly requestsPerSecond: number; readonly baselineSelect1PerSecond: number; readonly latency: LatencySummary };
  readonly ratios: { readonly p50ToSelect1: number; readonly p50ToEmptyWriteTransaction: number; readonly p50ToTwoOneRowWrites: number };
  readonly goals: { readonly p50Ms: number; readonly met: Record<string, boolean> };
  readonly notes: readonly string[];
}

/** Runs the benchmark in a temporary directory (removed afterwards) and returns its result. */
export async function runAccessOverheadBenchmark(options: { readonly requests: number; readonly concurrency: number; readonly rounds: number }): Promise<AccessOverheadResult> {
  const directory = mkdtempSync(join(tmpdir(), 'ballast-access-bench-'));
  const store = await createDatabase({ url: `sqlite:${join(directory, 'ballast.db')}` });
  try {
    const keys = new ApiKeysRepository(store.db, store.dialect);
    const ledger = new SpendLedger(store.db, store.dialect);
    const limiter = new MemoryRateLimiter();
    const { plaintext } = await keys.create({ tenantId: 'bench', userId: 'user-1', name: 'bench key', role: 'user', budgets: { dailyUsd: 1e9 }, limits: { rpm: 1e9, tpm: 1e12 } });
    let sequence = 0;

    const oneRequest = async (): Promise<RequestTiming> => {
      const requestId = `req-${(sequence += 1)}`;
      const started = performance.now();
      const lookup = await keys.findByPlaintext(plaintext);
      if (lookup.status !== 'active') {
        throw new Error(`bench key lookup returned ${lookup.status}`);
      }
      const looked = performance.now();
      const key = lookup.key;
      const decision = limiter.takeNow({ bucket: `key:${key.lineageId}`, rules: perMinuteRules(key.limits, ESTIMATED_TOKENS) });
      if (!decision.allowed) {
        throw new Error('bench rate limit refused a request');
      }
      const limited = performance.now();
      const scopes = capScopesFor({ tenantId: key.tenantId, userId: key.userId, keyId: key.lineageId }, CAPS);
      const reserved = await ledger.reserve({ requestId, attempt: 1, scopes, amountUsd: WORST_CASE_USD, expiresAt: new Date(Date.now() + 300_000) });
      if (!reserved.admitted) {
        throw new Error(`bench reservation refused by ${reserved.cap.scope}`);
      }
      const held = performance.now();
      await ledger.settle({ requestId, attempt: 1, actualUsd: ACTUAL_USD, tenantId: key.tenantId, userId: key.userId, keyId: key.id, provider: 'simulator', model: 'sim-1', inputTokens: 1_000, outputTokens: 200 });
      const settled = performance.now();
      return { totalMs: settled - started, keyLookupMs: looked - started, rateLimitMs: limited - looked, reserveMs: held - limited, settleMs: settled - held };
    };
    const select1 = async (): Promise<number> => {
      const started = performance.now();
      await sql`select 1`.execute(store.db);
      return performance.now() - started;
    };
    const emptyTransaction = async (): Promise<number> => {
      const started = performance.now();
      await inWriteTransaction(store.db, store.dialect, () => Promise.resolve(undefined));
      return performance.now() - started;
    };
    const oneRowTransaction = async (): Promise<number> => {
      const started = performance.now();
      await inWriteTransaction(store.db, store.dialect, (trx) =>
        trx
          .insertInto('rate_limit_state')
          .values({ bucket: 'bench-baseline', rule: 'requests', tat_ms: started })
          .onConflict((conflict) => conflict.columns(['bucket', 'rule']).doUpdateSet({ tat_ms: started }))
          .execute(),
      );
      return performance.now() - started;
    };

    // Warm-up: JIT, SQLite page cache, prepared schema.
    for (let index = 0; index < 500; index += 1) {
      await oneRequest();
      await select1();
    }

    // Rounds interleave the measured path and its baselines, so background load hits both alike.
    const timings: RequestTiming[] = [];
    const select1Samples: number[] = [];
    const transactionSamples: number[] = [];
    const oneRowSamples: number[] = [];
    const perRound = Math.ceil(options.requests / options.rounds);
    let requestCpuMicros = 0;
    for (let roundIndex = 0; roundIndex < options.rounds; roundIndex += 1) {
      const cpuBefore = process.cpuUsage();
      for (let index = 0; index < perRound; index += 1) {
        timings.push(await oneRequest());
      }
      const cpu = process.cpuUsage(cpuBefore);
      requestCpuMicros += cpu.user + cpu.system;
      for (let index = 0; index < perRound; index += 1) {
        select1Samples.push(await select1());
        transactionSamples.push(await emptyTransaction());
        oneRowSamples.push(await oneRowTransaction());
      }
    }

    const concurrent = await runConcurrently(options.concurrency, options.requests, async () => (await oneRequest()).totalMs);
    const concurrentSelect1 = await runConcurrently(options.concurrency, options.requests, select1);

    const total = summarize(timings.map((timing) => timing.totalMs));
    const select1Summary = summarize(select1Samples);
    const transactionSummary = summarize(transactionSamples);
    const oneRowSummary = summarize(oneRowSamples);
    const cpuMsPerRequest = round(requestCpuMicros / 1000 / timings.length, 3);
    const caps = capScopesFor({ tenantId: 't', userId: 'u', keyId: 'k' }, CAPS).length;
    return {
      benchmark: 'access-overhead',
      machine: { ...machineInfo(), loadAverage: loadavg().map((value) => round(value, 2)) },
      setup: { database: `SQLite file (WAL, synchronous=NORMAL) in ${tmpdir()}`, caps, ...options },
      sequential: {
        cpuMsPerRequest,
        total,
        keyLookup: summarize(timings.map((timing) => timing.keyLookupMs)),
        rateLimit: summarize(timings.map((timing) => timing.rateLimitMs)),
        reserve: summarize(timings.map((timing) => timing.reserveMs)),
        settle: summarize(timings.map((timing) => timing.settleMs)),
      },
      baseline: { select1: select1Summary, emptyWriteTransaction: transactionSummary, oneRowWriteTransaction: oneRowSummary },
      concurrent: { requestsPerSecond: concurrent.perSecond, baselineSelect1PerSecond: concurrentSelect1.perSecond, latency: summarize(concurrent.samples) },
      ratios: {
        p50ToSelect1: round(total.p50 / select1Summary.p50, 1),
        p50ToEmptyWriteTransaction: round(total.p50 / transactionSummary.p50, 1),
        p50ToTwoOneRowWrites: round(total.p50 / (2 * oneRowSummary.p50), 1),
      },
      goals: {
        p50Ms: GOAL_P50_MS,
        met: {
          [`p50 of auth + rate limit + reserve + settle ≤ ${GOAL_P50_MS} ms by the clock (${total.p50} ms)`]: total.p50 <= GOAL_P50_MS,
          [`CPU time per request ≤ ${GOAL_P50_MS} ms (${cpuMsPerRequest} ms)`]: cpuMsPerRequest <= GOAL_P50_MS,
        },
      },
      notes: [
        'One process, one SQLite connection (the store opens one per process): concurrent requests queue for it, so throughput at 16 concurrent is that of one serialised writer.',
        `Each request: key lookup, in-memory RPM/TPM check, reserve on ${caps} caps (one transaction), settle with a usage event (one transaction).`,
        'A load average above the core count means other processes shared the CPU: absolute times are then pessimistic; the ratios to the same-run baselines much less so.',
      ],
    };
  } finally {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

async function runConcurrently(concurrency: number, total: number, work: () => Promise<number>): Promise<{ readonly perSecond: number; readonly samples: number[] }> {
  const samples: number[] = [];
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (issued < total) {
        issued += 1;
        samples.push(await work());
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  return { perSecond: Math.round((samples.length * 1000) / elapsedMs), samples };
}

/** Parses the command line, runs, prints JSON. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: { requests: { type: 'string', default: '5000' }, concurrency: { type: 'string', default: '16' }, rounds: { type: 'string', default: '3' } },
  });
  const result = await runAccessOverheadBenchmark({ requests: Number(values.requests), concurrency: Number(values.concurrency), rounds: Number(values.rounds) });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  await main();
}
