/**
 * End-to-end latency of the response cache through the API: a hit against a miss.
 *
 *   npx tsc -p tsconfig.build.json && node dist/apps/worker/src/build-workflow-bundle.js
 *   node dist/bench/cache-latency.js [--requests 300] [--warmup 30] [--concurrency 8]
 *
 * Starts the product's processes as `npm start` runs them (Temporal dev server on SQLite, the
 * simulator with no latency, the API and the worker as two processes, Update-with-Start) with a
 * ballast.yaml of four routes: `plain` (no cache), `exact` (exact cache), `semantic` (exact +
 * semantic, default threshold 0.95, the default embedding model: the lexical one here). Then,
 * sequentially and interleaved round by round (the order rotates), it sends:
 *   - uncached: a new question to `plain` — the pre-cache path, for the cache's cost on a miss;
 *   - miss: a new question to `exact` — lookup, workflow, admission (the baseline of this run);
 *   - semantic miss: a new question to `semantic` — plus embedding, index search and guard;
 *   - hit-exact: the same question to `exact` each time;
 *   - hit-semantic: the primed question to `semantic`, written differently each time (letter
 *     case and final punctuation), so the exact key misses and the semantic index answers.
 * Every response's `ballast.cache.status` is checked. Then a concurrent phase measures
 * throughput of hits and of misses at `--concurrency` clients. Prints JSON.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import { BENCH_API_KEY, startInfrastructure, startVariant } from './bench-stack.js';
import { round, summarize, type LatencySummary } from './latency-stats.js';
import { machineInfo, type MachineInfo } from './machine-info.js';
import type { Variant } from './variants.js';

const target = { provider: 'openai', model: 'gpt-4.1-mini', maxAttempts: 1 };
/** The simulator answers every request: its answers must be admitted for hits to exist. */
const CONFIG = {
  routes: {
    simple: { targets: [target] },
    complex: { targets: [target] },
    plain: { targets: [target] },
    exact: { targets: [target], cache: { admitSimulated: true } },
    semantic: { targets: [target], cache: { admitSimulated: true, semantic: true } },
  },
};
/** The product defaults: Update-with-Start, the model called as a regular activity, API and worker apart. */
const VARIANT: Variant = { id: 'uws-activity', startMode: 'update-with-start', callModelAs: 'activity', topology: 'split', serverProfile: 'default' };

const SERIES = ['uncached', 'miss', 'semanticMiss', 'hitExact', 'hitSemantic'] as const;
type Series = (typeof SERIES)[number];
const EXPECTED: Record<Series, string> = { uncached: 'bypass', miss: 'miss', semanticMiss: 'miss', hitExact: 'hit-exact', hitSemantic: 'hit-semantic' };

const HIT_QUESTION = 'What is the nightly hotel limit in London?';

/** The result document. */
export interface CacheLatencyResult {
  readonly benchmark: 'cache-latency';
  readonly machine: MachineInfo & { readonly loadAverageStart: readonly number[]; readonly loadAverageEnd: readonly number[] };
  readonly setup: { readonly requestsPerSeries: number; readonly warmupPerSeries: number; readonly concurrency: number; readonly variant: string; readonly embeddingModel: string };
  readonly sequential: Record<Series, LatencySummary>;
  readonly ratios: {
    /** Miss p50 over hit p50: how many times faster a hit answers (the baseline is the miss). */
    readonly missToHitExactP50: number;
    readonly missToHitExactP99: number;
    readonly missToHitSemanticP50: number;
    readonly semanticMissToHitSemanticP50: number;
    /** What the cache adds to a miss: miss p50 minus uncached p50, in ms (negative: within noise). */
    readonly missOverheadP50Ms: number;
    readonly semanticMissOverheadP50Ms: number;
  };
  readonly concurrent: { readonly hitsPerSecond: number; readonly missesPerSecond: number; readonly hitLatency: LatencySummary; readonly missLatency: LatencySummary };
  readonly notes: readonly string[];
}

/** A question nobody asked before in this run. */
function freshQuestion(series: string, index: number): string {
  return `Ticket ${series}-${index}: when will order ${1000 + index} ship?`;
}

/** The primed question in another form: letter case by the bits of `index`, and a final mark. */
function rewritten(index: number): string {
  const words = HIT_QUESTION.slice(0, -1).split(' ');
  const cased = words.map((word, position) => ((index >> position) & 1 ? word.toUpperCase() : word.toLowerCase()));
  return `${cased.join(' ')}${['?', '!', '.', ' ?'][(index >> words.length) % 4]}`;
}

async function send(apiUrl: string, model: string, content: string): Promise<{ ms: number; status: string }> {
  const started = performance.now();
  const response = await fetch(`${apiUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BENCH_API_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
  });
  const body = (await response.json()) as { ballast?: { cache?: { status?: string } }; detail?: string };
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${body.detail ?? JSON.stringify(body)}`);
  return { ms, status: body.ballast?.cache?.status ?? 'absent' };
}

/** One request of a series; throws when the cache did something else than the series measures. */
function requester(apiUrl: string): (series: Series, index: number) => Promise<number> {
  let rewrites = 0;
  return async (series, index) => {
    const request: Record<Series, () => [string, string]> = {
      uncached: () => ['plain', freshQuestion('plain', index)],
      miss: () => ['exact', freshQuestion('exact', index)],
      semanticMiss: () => ['semantic', freshQuestion('semantic', index)],
      hitExact: () => ['exact', HIT_QUESTION],
      hitSemantic: () => ['semantic', rewritten((rewrites += 1))],
    };
    const [model, content] = request[series]();
    const { ms, status } = await send(apiUrl, model, content);
    if (status !== EXPECTED[series]) throw new Error(`${series} request ${index} got ballast.cache.status ${status}, expected ${EXPECTED[series]}`);
    return ms;
  };
}

async function concurrently(clients: number, total: number, work: (index: number) => Promise<number>): Promise<{ perSecond: number; samples: number[] }> {
  const samples: number[] = [];
  let issued = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (issued < total) {
        const index = issued;
        issued += 1;
        samples.push(await work(index));
      }
    }),
  );
  return { perSecond: round(total / ((performance.now() - started) / 1000), 1), samples };
}

/** Runs the benchmark in a temporary directory (removed afterwards) and returns its result. */
export async function runCacheLatencyBenchmark(options: { readonly requests: number; readonly warmup: number; readonly concurrency: number }): Promise<CacheLatencyResult> {
  const loadAverageStart = loadavg().map((value) => round(value, 2));
  const workDir = mkdtempSync(join(tmpdir(), 'ballast-cache-bench-'));
  writeFileSync(join(workDir, 'ballast.yaml'), stringify(CONFIG));
  const infrastructure = await startInfrastructure({ store: 'sqlite', workDir });
  try {
    const running = await startVariant(VARIANT, infrastructure, 'cache');
    try {
      const request = requester(running.apiUrl);
      // Prime the two hit series: the first ask of each is a miss that admits the answer.
      for (const model of ['exact', 'semantic']) {
        const { status } = await send(running.apiUrl, model, HIT_QUESTION);
        if (status !== 'miss') throw new Error(`priming ${model} got ${status}`);
      }
      const samples = Object.fromEntries(SERIES.map((series) => [series, [] as number[]])) as Record<Series, number[]>;
      for (let index = 0; index < options.warmup + options.requests; index += 1) {
        // Rotate the order so no series always follows the same one.
        for (let offset = 0; offset < SERIES.length; offset += 1) {
          const series = SERIES[(index + offset) % SERIES.length] as Series;
          const ms = await request(series, index);
          if (index >= options.warmup) samples[series].push(ms);
        }
      }
      const total = options.requests;
      const hits = await concurrently(options.concurrency, total, () => request('hitExact', 0));
      const misses = await concurrently(options.concurrency, total, (index) => request('miss', 100_000 + index));

      const sequential = Object.fromEntries(SERIES.map((series) => [series, summarize(samples[series])])) as Record<Series, LatencySummary>;
      return {
        benchmark: 'cache-latency',
        machine: { ...machineInfo(), loadAverageStart, loadAverageEnd: loadavg().map((value) => round(value, 2)) },
        setup: { requestsPerSeries: options.requests, warmupPerSeries: options.warmup, concurrency: options.concurrency, variant: VARIANT.id, embeddingModel: 'lexical-embedding-v1 (the default without configuration)' },
        sequential,
        ratios: {
          missToHitExactP50: round(sequential.miss.p50 / sequential.hitExact.p50, 1),
          missToHitExactP99: round(sequential.miss.p99 / sequential.hitExact.p99, 1),
          missToHitSemanticP50: round(sequential.miss.p50 / sequential.hitSemantic.p50, 1),
          semanticMissToHitSemanticP50: round(sequential.semanticMiss.p50 / sequential.hitSemantic.p50, 1),
          missOverheadP50Ms: round(sequential.miss.p50 - sequential.uncached.p50),
          semanticMissOverheadP50Ms: round(sequential.semanticMiss.p50 - sequential.uncached.p50),
        },
        concurrent: { hitsPerSecond: hits.perSecond, missesPerSecond: misses.perSecond, hitLatency: summarize(hits.samples), missLatency: summarize(misses.samples) },
        notes: [
          'Client, API, worker, Temporal dev server and simulator share the machine; times are wall clock at the client, HTTP included.',
          'The simulator answers at once: a miss here is the floor of the durable path. With a real provider a miss adds the model latency (hundreds of ms to seconds); a hit does not.',
          'hit-semantic requests differ from the cached question only in letter case and punctuation: the lexical embedder scores them 1.0, so they measure the cost of the semantic path (embedding, index search, guard), not its recall.',
          'A load average above the core count means other processes competed for the CPU: the ratios, measured in the same run, are more telling than absolute times.',
        ],
      };
    } finally {
      await running.stop();
    }
  } finally {
    await infrastructure.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: { requests: { type: 'string', default: '300' }, warmup: { type: 'string', default: '30' }, concurrency: { type: 'string', default: '8' } },
  });
  const result = await runCacheLatencyBenchmark({ requests: Number(values.requests), warmup: Number(values.warmup), concurrency: Number(values.concurrency) });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  await main(process.argv.slice(2));
}
