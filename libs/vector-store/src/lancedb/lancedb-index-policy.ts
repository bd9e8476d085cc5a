/**
 * When a space's table gets a vector index, how it is shaped and how it is searched. Small tables
 * are searched exactly (a flat scan is fast and has perfect recall); past `vectorIndexMinRows` an
 * IVF_FLAT index is trained. IVF_FLAT keeps full vectors in each partition, so distances are exact
 * and no refine step is needed; it trains in seconds where IVF_PQ took minutes on the benchmark
 * machine (bench/results/retrieval.md). The defaults were tuned with `bench/retrieval.ts`.
 */
export interface LanceDbIndexPolicy {
  /** The vector index is trained once the table holds this many rows; below, search is exact. */
  readonly vectorIndexMinRows: number;
  /** Target rows per IVF partition when training (partitions = rows / this). */
  readonly rowsPerPartition: number;
  /** Share of partitions probed by a query ... */
  readonly probeFraction: number;
  /** ... but never fewer than this many. */
  readonly minimumProbes: number;
  /** Retrain once the table needs this many times more partitions than the index has. */
  readonly retrainGrowthFactor: number;
  /** Fold new rows into the index when unindexed rows exceed this share of indexed rows ... */
  readonly optimizeUnindexedFraction: number;
  /** ... and at least this many. */
  readonly optimizeMinUnindexedRows: number;
  /** Compact the table after this many writes even without new index work (each write adds a fragment). */
  readonly compactAfterWrites: number;
  /** Searches whose tenant+collection filter matches fewer rows than this bypass the index (exact). */
  readonly exactSearchBelowRows: number;
  /** k-means iterations when training partitions. */
  readonly maxIterations: number;
  /** k-means sample: this many vectors per partition. */
  readonly sampleRate: number;
}

/** Defaults; see bench/results/retrieval.md for the measurements behind them. */
export const DEFAULT_LANCEDB_INDEX_POLICY: LanceDbIndexPolicy = {
  vectorIndexMinRows: 5_000,
  rowsPerPartition: 400,
  // Each collection has its own index (collection-table-name.ts): a query probes about a third of
  // its collection's partitions. At 100k chunks that gave recall@10 0.976 at 6.4 ms p50, where
  // 0.03 of one shared index gave 0.949 at 11.1 ms (bench/results/retrieval.md).
  probeFraction: 0.35,
  minimumProbes: 4,
  retrainGrowthFactor: 2,
  optimizeUnindexedFraction: 0.05,
  optimizeMinUnindexedRows: 500,
  compactAfterWrites: 100,
  exactSearchBelowRows: 2_000,
  maxIterations: 20,
  sampleRate: 128,
};

/** The vector index as read back from the table. */
export interface VectorIndexState {
  readonly name: string;
  readonly partitions: number;
  readonly indexedRows: number;
  readonly unindexedRows: number;
}

/** What maintenance should do to a table now. */
export type IndexAction =
  | { readonly kind: 'none' }
  | { readonly kind: 'create'; readonly partitions: number }
  | { readonly kind: 'retrain'; readonly partitions: number }
  | { readonly kind: 'optimize' };

/** IVF partitions for a table of `rows` rows (at least 2). */
export function partitionsFor(rows: number, policy: LanceDbIndexPolicy): number {
  return Math.max(2, Math.round(rows / policy.rowsPerPartition));
}

/** Partitions a query probes by default. */
export function probesFor(partitions: number, policy: LanceDbIndexPolicy): number {
  return Math.min(partitions, Math.max(policy.minimumProbes, Math.ceil(partitions * policy.probeFraction)));
}

/** How one search runs: an exact scan of the filtered rows, or the index with this many probes. */
export type SearchPlan = { readonly kind: 'exact' } | { readonly kind: 'index'; readonly probes: number };

/**
 * Probed partitions should hold this many times `topK` rows passing the filter: fewer, and the
 * search could return less than `topK` matches although more exist.
 */
const CANDIDATES_PER_RESULT = 4;

/**
 * Chooses exact scan or index for a search whose filter matches `filteredRows` rows. Narrow
 * filters are scanned exactly (few rows, perfect recall); a large `topK` on a mid-sized filter
 * gets more probes, and exact search once it would probe half the partitions anyway. (LanceDB's
 * `maximumNprobes` is not used: with a prefilter it made every query probe all partitions.)
 */
export function planSearch(filteredRows: number, topK: number, index: VectorIndexState, policy: LanceDbIndexPolicy): SearchPlan {
  if (filteredRows < policy.exactSearchBelowRows) return { kind: 'exact' };
  const needed = Math.ceil((index.partitions * CANDIDATES_PER_RESULT * topK) / filteredRows);
  const probes = Math.max(probesFor(index.partitions, policy), needed);
  return probes * 2 >= index.partitions ? { kind: 'exact' } : { kind: 'index', probes };
}

/** What maintenance knows about a table. */
export interface TableState {
  readonly rows: number;
  readonly index: VectorIndexState | undefined;
  /** Writes by this process since its last optimize. */
  readonly writesSinceOptimize: number;
}

/** Decides the next maintenance step from the row count, the current index and recent writes. */
export function planIndexAction(table: TableState, policy: LanceDbIndexPolicy): IndexAction {
  const { rows, index } = table;
  if (index === undefined && rows >= policy.vectorIndexMinRows) return { kind: 'create', partitions: partitionsFor(rows, policy) };
  if (index !== undefined) {
    const wanted = partitionsFor(rows, policy);
    if (wanted >= index.partitions * policy.retrainGrowthFactor) return { kind: 'retrain', partitions: wanted };
    const unindexedLimit = Math.max(policy.optimizeMinUnindexedRows, index.indexedRows * policy.optimizeUnindexedFraction);
    if (index.unindexedRows > unindexedLimit) return { kind: 'optimize' };
  }
  return table.writesSinceOptimize >= policy.compactAfterWrites ? { kind: 'optimize' } : { kind: 'none' };
}

/**
 * The index name records its distance and partition count, so a reopened table knows how to probe
 * it (and an index trained for another distance is never used).
 */
export function vectorIndexName(partitions: number): string {
  return `vector_ivf_flat_l2_p${partitions}`;
}

/** Partition count from a name made by `vectorIndexName`; undefined for other names. */
export function partitionsFromIndexName(name: string): number | undefined {
  const match = /^vector_ivf_flat_l2_p(\d+)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}
