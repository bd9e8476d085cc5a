import { NamespaceVectors, type NamespaceSettings } from './index/namespace-vectors.js';
import { seededRandom } from './index/seeded-random.js';
import { unitCopy } from './index/vector-math.js';

/** Options of a SemanticIndex. */
export interface SemanticIndexOptions {
  /** Length of every vector (384 for multilingual-e5-small and the lexical embedder). */
  readonly dimensions: number;
  /** A namespace with fewer vectors is scanned exactly. Default 4096. */
  readonly exactSearchLimit?: number;
  /** Rows per leaf list the partition aims for when trained. Default 32. */
  readonly rowsPerList?: number;
  /** Coarse cells explored per search. Default 4. */
  readonly coarseProbes?: number;
  /** Leaf lists scanned per search. Default 16. */
  readonly listProbes?: number;
  /** Retrain a namespace's partition when it has grown or shrunk by this factor. Default 2. */
  readonly retrainFactor?: number;
  /** Seed of the k-means sampling, so partitions are reproducible. Default 1. */
  readonly seed?: number;
}

/** One search result: a cache entry id and its cosine similarity to the query. */
export interface SemanticMatch {
  readonly id: string;
  readonly score: number;
}

/** Per-search overrides of the probe counts (benchmarks sweep them). */
export interface SemanticSearchOptions {
  readonly coarseProbes?: number;
  readonly listProbes?: number;
  /** Scan the whole namespace whatever its size (the recall baseline). */
  readonly exact?: boolean;
}

/**
 * An in-memory nearest-neighbour index of cache entries, partitioned by namespace (tenant plus
 * semantic fingerprint): a search only ever sees its own namespace. Cosine similarity over unit
 * copies of the vectors. A namespace is scanned exactly up to `exactSearchLimit` vectors; past
 * that it gets a two-level inverted file (k-means cells, each split into leaf lists), retrained
 * when it doubles or halves. An approximate search can miss a neighbour (a lost cache hit) but
 * never invents one: every score returned is the true cosine of a stored vector.
 */
export class SemanticIndex {
  readonly dimensions: number;
  private readonly settings: NamespaceSettings;
  private readonly namespaces = new Map<string, NamespaceVectors>();
  private readonly namespaceOf = new Map<string, string>();
  private readonly random: () => number;

  constructor(options: SemanticIndexOptions) {
    if (!Number.isInteger(options.dimensions) || options.dimensions < 1) throw new RangeError(`dimensions must be a positive integer, got ${options.dimensions}`);
    this.dimensions = options.dimensions;
    this.settings = {
      exactSearchLimit: options.exactSearchLimit ?? 4096,
      rowsPerList: options.rowsPerList ?? 32,
      coarseProbes: options.coarseProbes ?? 4,
      listProbes: options.listProbes ?? 16,
      retrainFactor: options.retrainFactor ?? 2,
      iterations: 5,
      samplePerList: 4,
    };
    this.random = seededRandom(options.seed ?? 1);
  }

  /** Entries in all namespaces. */
  get size(): number {
    return this.namespaceOf.size;
  }

  has(id: string): boolean {
    return this.namespaceOf.has(id);
  }

  /** Entries in one namespace. */
  namespaceSize(namespace: string): number {
    return this.namespaces.get(namespace)?.count ?? 0;
  }

  /** Whether a namespace is searched through its partition rather than scanned. */
  isPartitioned(namespace: string): boolean {
    return this.namespaces.get(namespace)?.partitioned ?? false;
  }

  /** Adds (or replaces) the vector of an entry. Throws a RangeError on a wrong length or a zero vector. */
  add(id: string, namespace: string, vector: Float32Array): void {
    const unit = this.checkedUnit(vector);
    this.remove(id);
    let vectors = this.namespaces.get(namespace);
    if (vectors === undefined) {
      vectors = new NamespaceVectors(this.dimensions, this.settings, this.random);
      this.namespaces.set(namespace, vectors);
    }
    vectors.add(id, unit);
    this.namespaceOf.set(id, namespace);
  }

  /** Removes an entry; false when it was not there. */
  remove(id: string): boolean {
    const namespace = this.namespaceOf.get(id);
    if (namespace === undefined) return false;
    this.namespaceOf.delete(id);
    const vectors = this.namespaces.get(namespace) as NamespaceVectors;
    vectors.remove(id);
    if (vectors.count === 0) this.namespaces.delete(namespace);
    return true;
  }

  /** The k entries of `namespace` most similar to `vector`, best first. */
  search(namespace: string, vector: Float32Array, k: number, options: SemanticSearchOptions = {}): SemanticMatch[] {
    const query = this.checkedUnit(vector);
    const vectors = this.namespaces.get(namespace);
    if (vectors === undefined || k <= 0) return [];
    return vectors.search(query, k, options);
  }

  private checkedUnit(vector: Float32Array): Float32Array {
    if (vector.length !== this.dimensions) throw new RangeError(`vector has ${vector.length} dimensions; the index holds ${this.dimensions}`);
    const unit = unitCopy(vector);
    if (!unit.some((value) => value !== 0)) throw new RangeError('a zero vector has no direction to compare');
    if (unit.some((value) => !Number.isFinite(value))) throw new RangeError('vector holds a non-finite number');
    return unit;
  }
}
