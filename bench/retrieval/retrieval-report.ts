import type { MachineInfo } from '../machine-info.js';
import type { LatencySummary } from '../latency-stats.js';

/** Latency and recall of one way of searching. */
export interface SearchMeasurement {
  readonly label: string;
  readonly latencyMs: LatencySummary;
  /**
   * CPU time of the whole process (all threads) per query. Unlike wall-clock latency it does not
   * grow with other processes' load, so it estimates the latency of an idle machine.
   */
  readonly cpuMs: LatencySummary;
  /** Mean recall@10 against brute force over all queries, and per query kind. */
  readonly recallAt10: number;
  readonly recallByKind: Readonly<Record<string, number>>;
}

/** Everything measured at one corpus size. */
export interface SizeResult {
  readonly chunks: number;
  readonly queries: number;
  /** Share of all chunks a query's tenant + collection filter lets through (mean). */
  readonly filterSelectivity: number;
  readonly insert: { readonly seconds: number; readonly chunksPerSecond: number };
  readonly index: { readonly kind: string; readonly partitions: number | null; readonly probes: number | null; readonly buildSeconds: number };
  /** The default policy's search through the adapter (index above the threshold). */
  readonly indexed: SearchMeasurement;
  /** The same searches forced to an exact (flat) LanceDB scan: the baseline. */
  readonly exact: SearchMeasurement;
  /** Brute force in JavaScript over the same rows (ground truth), per query. */
  readonly bruteForceJsMs: LatencySummary;
  /** exact p50 / indexed p50: how much the index buys. */
  readonly speedupP50: number;
  /** Probe-count variants on the same index. */
  readonly probeSweep: readonly (SearchMeasurement & { readonly probes: number })[];
  /** Upserting one more 20-chunk document into the full table. */
  readonly upsertDocumentMs: LatencySummary;
}

/** The whole result document. */
export interface RetrievalBenchResult {
  readonly benchmark: 'retrieval';
  readonly machine: MachineInfo;
  /** 1-minute load average before and after: other work on the machine skews latencies. */
  readonly loadAverage: { readonly start: number; readonly end: number };
  readonly dimensions: number;
  readonly goal: { readonly p50Ms: number; readonly recallAt10: number; readonly atChunks: number };
  readonly goalMet: boolean | null;
  readonly results: readonly SizeResult[];
}

function formatMs(value: number): string {
  return Number.isFinite(value) ? value.toFixed(2) : 'n/a';
}

/** Markdown summary of a run. */
export function renderRetrievalMarkdown(result: RetrievalBenchResult): string {
  const { machine } = result;
  const lines = [
    '# Retrieval benchmark (LanceDB)',
    '',
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; ${machine.date}.`,
    `Load average (1 min) ${result.loadAverage.start.toFixed(1)} at start, ${result.loadAverage.end.toFixed(1)} at end` +
      ` (other processes were running; latencies on an idle machine are lower).`,
    `Vectors: ${result.dimensions} dimensions, clustered synthetic unit vectors (bench/retrieval/synthetic-corpus.ts), 2 tenants (60/40), 3 collections each;` +
      ' top-10 queries filtered on tenant + one collection; a quarter each of "document", "topic", "bridge" and "elsewhere" queries (see synthetic-corpus.ts).',
    `Goal: p50 ≤ ${result.goal.p50Ms} ms with recall@10 ≥ ${result.goal.recallAt10} at ${result.goal.atChunks.toLocaleString('en')} chunks —` +
      ` ${result.goalMet === null ? 'not measured (size not run)' : result.goalMet ? 'met' : 'NOT met'}.`,
    '',
    '| chunks | search | p50 ms | p99 ms | CPU ms/query p50 | recall@10 | recall by query kind |',
    '| ---: | --- | ---: | ---: | ---: | ---: | --- |',
  ];
  for (const size of result.results) {
    for (const measurement of [size.indexed, size.exact, ...size.probeSweep]) {
      const byKind = Object.entries(measurement.recallByKind)
        .map(([kind, value]) => `${kind} ${value.toFixed(3)}`)
        .join(', ');
      lines.push(
        `| ${size.chunks.toLocaleString('en')} | ${measurement.label} | ${formatMs(measurement.latencyMs.p50)} | ${formatMs(measurement.latencyMs.p99)} | ${formatMs(measurement.cpuMs.p50)} | ${measurement.recallAt10.toFixed(3)} | ${byKind} |`,
      );
    }
  }
  lines.push('', '| chunks | filter selectivity | insert chunks/s | index | build s | exact p50 / index p50 | JS brute force p50 ms | upsert 20-chunk doc p50 ms |');
  lines.push('| ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |');
  for (const size of result.results) {
    const index = size.index.partitions === null ? size.index.kind : `${size.index.kind}, ${size.index.partitions} partitions, ${size.index.probes} probes`;
    lines.push(
      `| ${size.chunks.toLocaleString('en')} | ${(size.filterSelectivity * 100).toFixed(1)}% | ${Math.round(size.insert.chunksPerSecond).toLocaleString('en')} | ${index} | ${size.index.buildSeconds.toFixed(1)} | ${size.speedupP50.toFixed(2)}× | ${formatMs(size.bruteForceJsMs.p50)} | ${formatMs(size.upsertDocumentMs.p50)} |`,
    );
  }
  lines.push('', 'Run: `npm run build && node dist/bench/retrieval.js [--quick]`.', '');
  return lines.join('\n');
}
