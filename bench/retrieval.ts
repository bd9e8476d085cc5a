/**
 * Retrieval benchmark of the embedded vector store (LanceDB).
 *
 *   node dist/bench/retrieval.js [--quick] [--sizes 10000,100000] [--queries 300] [--out bench/results]
 *
 * For each corpus size it loads clustered synthetic 384-dimensional unit vectors (the width of
 * the offline embedding models, all-MiniLM-L6-v2 and multilingual-e5-small) for 2 tenants × 3
 * collections, builds the indexes the store's default policy builds, and measures top-10 search
 * latency (p50/p99, filtered on tenant + one collection, through the VectorStore adapter) and
 * recall@10 against brute force over the same rows in this run. The baseline, measured in the same
 * run, is the same search forced to an exact LanceDB scan. Prints JSON and writes
 * bench/results/retrieval.{json,md} (`--quick`: 10k chunks only, retrieval-quick.{json,md}).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DEFAULT_LANCEDB_INDEX_POLICY, LanceDbVectorStore, planSearch, probesFor, type LanceDbIndexPolicy, type VectorRecord } from '#libs/vector-store';
import { summarize } from './latency-stats.js';
import { machineInfo } from './machine-info.js';
import { chunkId, exactTopK, recallOf } from './retrieval/exact-search.js';
import { renderRetrievalMarkdown, type RetrievalBenchResult, type SearchMeasurement, type SizeResult } from './retrieval/retrieval-report.js';
import { generateCorpus, type SyntheticCorpus } from './retrieval/synthetic-corpus.js';

const DIMENSIONS = 384;
const TOP_K = 10;
const SPACE = 'bench-384d';
const WARMUP_QUERIES = 20;
const UPSERT_BATCH = 1_000;
const GOAL = { p50Ms: 10, recallAt10: 0.95, atChunks: 100_000 };

/** Knobs of one run. */
interface RetrievalBenchOptions {
  readonly sizes: readonly number[];
  readonly queries: number;
  readonly outDirectory: string;
  /** Probe fractions tried besides the default policy's. */
  readonly probeSweep: readonly number[];
  /** Quick runs write retrieval-quick.{json,md} so they never replace a full run's results. */
  readonly quick: boolean;
}

function parseOptions(argv: readonly string[]): RetrievalBenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      queries: { type: 'string' },
      out: { type: 'string', default: 'bench/results' },
    },
  });
  const sizes = values.sizes?.split(',').map(Number) ?? (values.quick ? [10_000] : [10_000, 100_000]);
  if (sizes.some((size) => !Number.isInteger(size) || size < 100)) throw new Error(`--sizes must be integers ≥ 100, got ${values.sizes}`);
  const queries = values.queries === undefined ? (values.quick ? 100 : 300) : Number(values.queries);
  if (!Number.isInteger(queries) || queries < 10) throw new Error(`--queries must be an integer ≥ 10, got ${values.queries}`);
  return { sizes, queries, outDirectory: resolve(values.out), probeSweep: values.quick ? [] : [0.15, 0.5], quick: values.quick };
}

function recordsOf(corpus: SyntheticCorpus, from: number, to: number): VectorRecord[] {
  const records: VectorRecord[] = [];
  for (let row = from; row < to; row += 1) {
    records.push({
      id: chunkId(row),
      vector: corpus.vectors.subarray(row * DIMENSIONS, (row + 1) * DIMENSIONS),
      tenantId: corpus.tenantIds[row] as string,
      collectionId: corpus.collectionIds[row] as string,
      documentId: corpus.documentIds[row] as string,
      documentVersion: 1,
    });
  }
  return records;
}

async function measureSearches(
  store: LanceDbVectorStore,
  corpus: SyntheticCorpus,
  truth: readonly string[][],
  label: string,
): Promise<SearchMeasurement> {
  const search = (index: number) => {
    const query = corpus.queries[index % corpus.queries.length] as SyntheticCorpus['queries'][number];
    return store.search(SPACE, { tenantId: query.tenantId, collectionIds: [query.collectionId], vector: query.vector, topK: TOP_K });
  };
  for (let index = 0; index < WARMUP_QUERIES; index += 1) await search(index);
  const latencies: number[] = [];
  const recallsByKind = new Map<string, number[]>();
  const recalls: number[] = [];
  const cpuTimes: number[] = [];
  for (let index = 0; index < corpus.queries.length; index += 1) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const matches = await search(index);
    latencies.push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    const recall = recallOf(
      matches.map((match) => match.id),
      truth[index] as string[],
    );
    recalls.push(recall);
    const kind = (corpus.queries[index] as SyntheticCorpus['queries'][number]).kind;
    recallsByKind.set(kind, [...(recallsByKind.get(kind) ?? []), recall]);
  }
  const mean = (values: readonly number[]) => Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 1000) / 1000;
  return {
    label,
    latencyMs: summarize(latencies),
    cpuMs: summarize(cpuTimes),
    recallAt10: mean(recalls),
    recallByKind: Object.fromEntries([...recallsByKind].map(([kind, values]) => [kind, mean(values)])),
  };
}

async function benchmarkSize(chunks: number, options: RetrievalBenchOptions): Promise<SizeResult> {
  const generatedAt = performance.now();
  const corpus = generateCorpus({
    chunks,
    dimensions: DIMENSIONS,
    chunksPerDocument: 20,
    documentsPerTopic: 10,
    tenants: [
      { id: 'tenant-a', share: 0.6, collections: 3 },
      { id: 'tenant-b', share: 0.4, collections: 3 },
    ],
    queries: options.queries,
    seed: 20_240_601 + chunks,
  });
  log(`${chunks} chunks: generated in ${((performance.now() - generatedAt) / 1000).toFixed(1)} s`);
  const directory = await mkdtemp(join(tmpdir(), 'ballast-retrieval-bench-'));
  const open = (policy: Partial<LanceDbIndexPolicy> = {}) =>
    new LanceDbVectorStore({ directory, indexMaintenance: 'manual', indexPolicy: policy });
  // Bulk load, then one maintenance pass that also compacts tables too small for an index.
  const store = open({ compactAfterWrites: 1 });
  const variants: LanceDbVectorStore[] = [];
  try {
    await store.ensureSpace({ name: SPACE, dimensions: DIMENSIONS });
    const insertStarted = performance.now();
    for (let from = 0; from < chunks; from += UPSERT_BATCH) await store.upsert(SPACE, recordsOf(corpus, from, Math.min(chunks, from + UPSERT_BATCH)));
    const insertSeconds = (performance.now() - insertStarted) / 1000;
    log(`${chunks} chunks: inserted in ${insertSeconds.toFixed(1)} s`);

    const buildStarted = performance.now();
    const actions = await store.refreshIndexes(SPACE);
    const buildSeconds = (performance.now() - buildStarted) / 1000;
    // Each collection has its own table and index; the largest one is reported.
    const collections = [...new Set(corpus.collectionIds)];
    const indexes = new Map(await Promise.all(collections.map(async (collection) => [collection, await store.vectorIndexOf(SPACE, collection)] as const)));
    const index = [...indexes.values()]
      .filter((state) => state !== undefined)
      .sort((left, right) => right.partitions - left.partitions)[0];
    log(`${chunks} chunks: ${actions.map(({ action }) => action.kind).join(', ')} on ${actions.length} collection tables (largest ${index?.name ?? 'none'}) in ${buildSeconds.toFixed(1)} s`);

    const bruteForce: number[] = [];
    const truth = corpus.queries.map((query) => {
      const started = performance.now();
      const ids = exactTopK(corpus, query, TOP_K);
      bruteForce.push(performance.now() - started);
      return ids;
    });

    const policy = DEFAULT_LANCEDB_INDEX_POLICY;
    const probesAt = (probeFraction: number) => (index === undefined ? null : probesFor(index.partitions, { ...policy, probeFraction }));
    const rowsPerCollection = new Map<string, number>();
    for (const collection of corpus.collectionIds) rowsPerCollection.set(collection, (rowsPerCollection.get(collection) ?? 0) + 1);
    const exactQueries = corpus.queries.filter((query) => {
      const collectionIndex = indexes.get(query.collectionId);
      return collectionIndex === undefined || planSearch(rowsPerCollection.get(query.collectionId) ?? 0, TOP_K, collectionIndex, policy).kind === 'exact';
    }).length;
    const indexed = await measureSearches(
      store,
      corpus,
      truth,
      index === undefined
        ? 'default policy: exact (table below the index threshold)'
        : `default policy: IVF_FLAT per collection (largest ${index.partitions} partitions, ${probesAt(policy.probeFraction)} probes), exact for ${exactQueries}/${corpus.queries.length} queries (filter < ${policy.exactSearchBelowRows} rows)`,
    );
    log(`${chunks} chunks: indexed p50 ${indexed.latencyMs.p50} ms, recall ${indexed.recallAt10}`);
    const exactStore = open({ exactSearchBelowRows: Number.POSITIVE_INFINITY });
    variants.push(exactStore);
    const exact = await measureSearches(exactStore, corpus, truth, 'exact scan (baseline)');
    log(`${chunks} chunks: exact p50 ${exact.latencyMs.p50} ms, recall ${exact.recallAt10}`);

    const probeSweep: (SearchMeasurement & { probes: number })[] = [];
    if (index !== undefined) {
      for (const probeFraction of options.probeSweep) {
        const probes = probesAt(probeFraction) as number;
        if (probes === probesAt(policy.probeFraction) || probeSweep.some((measured) => measured.probes === probes)) continue;
        const variant = open({ probeFraction });
        variants.push(variant);
        probeSweep.push({ ...(await measureSearches(variant, corpus, truth, `IVF_FLAT ${probes} probes (same exact-scan rule)`)), probes });
      }
    }

    const selectivity = corpus.queries.reduce((sum, query) => sum + (rowsPerCollection.get(query.collectionId) ?? 0), 0) / (corpus.queries.length * chunks);
    const upsertLatencies: number[] = [];
    for (let document = 0; document < 20; document += 1) {
      const records = recordsOf(corpus, document * 20, document * 20 + 20).map((record) => ({ ...record, documentVersion: 2 }));
      const started = performance.now();
      await store.upsert(SPACE, records);
      upsertLatencies.push(performance.now() - started);
    }

    return {
      chunks,
      queries: corpus.queries.length,
      filterSelectivity: Math.round(selectivity * 1000) / 1000,
      insert: { seconds: Math.round(insertSeconds * 10) / 10, chunksPerSecond: Math.round(chunks / insertSeconds) },
      index: {
        kind: index === undefined ? 'none (exact search)' : 'IVF_FLAT',
        partitions: index?.partitions ?? null,
        probes: probesAt(policy.probeFraction),
        buildSeconds: Math.round(buildSeconds * 10) / 10,
      },
      indexed,
      exact,
      bruteForceJsMs: summarize(bruteForce),
      speedupP50: Math.round((exact.latencyMs.p50 / indexed.latencyMs.p50) * 100) / 100,
      probeSweep,
      upsertDocumentMs: summarize(upsertLatencies),
    };
  } finally {
    for (const variant of variants) await variant.close();
    await store.close();
    await rm(directory, { recursive: true, force: true });
  }
}

function log(message: string): void {
  process.stderr.write(`[retrieval] ${message}\n`);
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const loadAtStart = loadavg()[0] ?? Number.NaN;
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await benchmarkSize(size, options));
  const atGoal = results.find((result) => result.chunks === GOAL.atChunks);
  const result: RetrievalBenchResult = {
    benchmark: 'retrieval',
    machine: machineInfo(),
    loadAverage: { start: Math.round(loadAtStart * 10) / 10, end: Math.round((loadavg()[0] ?? Number.NaN) * 10) / 10 },
    dimensions: DIMENSIONS,
    goal: GOAL,
    goalMet: atGoal === undefined ? null : atGoal.indexed.latencyMs.p50 <= GOAL.p50Ms && atGoal.indexed.recallAt10 >= GOAL.recallAt10,
    results,
  };
  await mkdir(options.outDirectory, { recursive: true });
  const baseName = options.quick ? 'retrieval-quick' : 'retrieval';
  await writeFile(join(options.outDirectory, `${baseName}.json`), `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(join(options.outDirectory, `${baseName}.md`), renderRetrievalMarkdown(result));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`retrieval benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
