/** One benchmark of the suite: its script under dist/bench, the result it writes, and how to run it. */
export interface SuiteBenchmark {
  readonly name: string;
  /** Compiled script, relative to dist/bench. */
  readonly script: string;
  /** The Markdown result it writes under bench/results (read by the summary). */
  readonly result: string;
  readonly args: readonly string[];
  /** Arguments for `--quick`: smaller runs that still write a full result. */
  readonly quickArgs: readonly string[];
  readonly measures: string;
}

/**
 * Every benchmark `npm run bench` runs, in order (cheap ones first, so a failure shows early).
 * Each writes its own JSON and Markdown to bench/results; the suite then writes SUMMARY.md.
 * Not here: access-overhead (prints JSON; its Markdown is written by hand), routing-accuracy
 * (prints its table) and local-embeddings (needs the optional local model).
 */
export const BENCH_CATALOG: readonly SuiteBenchmark[] = [
  { name: 'context-compression', script: 'context-compression.js', result: 'context-compression.md', args: [], quickArgs: ['--runs', '200'], measures: 'token reduction, fact retention, budgeting + compression time' },
  { name: 'validation', script: 'validation.js', result: 'validation.md', args: [], quickArgs: ['--runs', '200'], measures: 'unsupported-claim precision/recall, validation time' },
  { name: 'ingest', script: 'ingest.js', result: 'ingest.md', args: [], quickArgs: ['--pages', '20', '--rounds', '2'], measures: 'parse → chunk → embed throughput' },
  { name: 'retrieval', script: 'retrieval.js', result: 'retrieval.md', args: [], quickArgs: ['--quick'], measures: 'vector search latency and recall' },
  { name: 'semantic-cache', script: 'semantic-cache.js', result: 'semantic-cache.md', args: [], quickArgs: ['--entries', '10000', '--queries', '100'], measures: 'semantic cache lookup time' },
  { name: 'cache-latency', script: 'cache-latency.js', result: 'cache-latency.md', args: [], quickArgs: ['--requests', '100', '--warmup', '10'], measures: 'cached vs uncached request latency through the API' },
  { name: 'observability', script: 'observability.js', result: 'observability.md', args: [], quickArgs: ['--traces', '20000', '--record-calls', '5000', '--no-browser'], measures: 'trace recording cost, storage, dashboard queries' },
  { name: 'chat-latency', script: 'chat-latency.js', result: 'chat-latency.md', args: [], quickArgs: ['--quick'], measures: 'durable path vs a direct SDK call: added latency, throughput, RSS' },
  { name: 'streaming', script: 'streaming.js', result: 'streaming.md', args: [], quickArgs: ['--samples', '30', '--long-tokens', '1000'], measures: 'time to first token through Ballast vs a direct streaming SDK call; relay throughput' },
  {
    name: 'load',
    script: 'load.js',
    result: 'load.md',
    args: [],
    quickArgs: ['--rates', '5,20', '--duration-s', '5', '--warmup-s', '2'],
    measures: 'open-loop load at fixed rates (RAG, cache hits, 429s) through the durable path vs direct',
  },
  {
    name: 'soak',
    script: 'soak.js',
    result: 'soak.md',
    args: [],
    quickArgs: ['--minutes', '1', '--warmup-minutes', '0.25'],
    measures: '10 minutes at a sustained rate: memory and event-loop delay of API and worker',
  },
  { name: 'batch', script: 'batch.js', result: 'batch.md', args: [], quickArgs: ['--lines', '500'], measures: 'queued batch throughput vs direct SDK calls' },
];
