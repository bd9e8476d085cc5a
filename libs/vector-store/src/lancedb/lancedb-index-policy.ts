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
  rowsPerPartition: 800,
  probeFraction: 0.08,
  minimumProbes: 4,
  retrainGrowthFactor: 2,
  optimizeUnindexedFraction: 0.05,
  optimizeMinUnindexedRows: 500,
  exactSearchBelowRows: 4_000,
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

/** Partitions a query probes first (LanceDB probes more only when too few rows pass the filter). */
export function probesFor(partitions: number, policy: LanceDbIndexPolicy): number {
  return Math.min(partitions, Math.max(policy.minimumProbes, Math.ceil(partitions * policy.probeFraction)));
}

/** Decides the next maintenance step from the row count and the current index. */
export function planIndexAction(rows: number, index: VectorIndexState | undefined, policy: LanceDbIndexPolicy): IndexAction {
  if (index === undefined) {
    return rows >= policy.vectorIndexMinRows ? { kind: 'create', partitions: partitionsFor(rows, policy) } : { kind: 'none' };
  }
  const wanted = partitionsFor(rows, policy);
  if (wanted >= index.partitions * policy.retrainGrowthFactor) return { kind: 'retrain', partitions: wanted };
  const unindexedLimit = Math.max(policy.optimizeMinUnindexedRows, index.indexedRows * policy.optimizeUnindexedFraction);
  return index.unindexedRows > unindexedLimit ? { kind: 'optimize' } : { kind: 'none' };
}

/** The index name records its partition count, so a reopened table knows how to probe it. */
export function vectorIndexName(partitions: number): string {
  return `vector_ivf_flat_p${partitions}`;
}

/** Partition count from a name made by `vectorIndexName`; undefined for other names. */
export function partitionsFromIndexName(name: string): number | undefined {
  const match = /^vector_ivf_flat_p(\d+)$/.exec(name);
  return match ? Number(match[1]) : undefined;
}
