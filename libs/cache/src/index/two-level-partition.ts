import { LeafBlock } from './leaf-block.js';
import { nearestRow, sphericalKMeans } from './spherical-k-means.js';
import { TopK } from './top-k.js';
import { dotAt } from './vector-math.js';

/** Knobs of a two-level partition. */
export interface PartitionSettings {
  /** Average rows per leaf list aimed at when training. */
  readonly rowsPerList: number;
  /** Coarse cells whose leaves are considered per search. */
  readonly coarseProbes: number;
  /** Leaf lists scanned per search. */
  readonly listProbes: number;
  /** Lloyd iterations per k-means run. */
  readonly iterations: number;
  /** Rows sampled for training, per leaf. */
  readonly samplePerList: number;
}

/** Rows to partition: a row-major matrix of unit vectors and their ids. */
export interface PartitionRows {
  readonly vectors: Float32Array;
  readonly ids: readonly string[];
}

/**
 * An inverted file with a two-level quantiser: `coarse` k-means cells, each split by its own
 * k-means into leaves, so filing a row costs coarse + fine dot products rather than coarse × fine
 * (a flat inverted file with as many lists costs ~20× more to fill and retrain). Each leaf keeps
 * its rows contiguous. A search scores the coarse centroids, then the leaves of the best
 * `coarseProbes` cells, then scans the best `listProbes` leaves exactly.
 */
export class TwoLevelPartition {
  private readonly coarseCount: number;
  private readonly leaves: LeafBlock[];
  private readonly locations = new Map<string, { leaf: number; position: number }>();

  private constructor(
    private readonly dimensions: number,
    private readonly coarse: Float32Array,
    coarseCount: number,
    private readonly fine: Float32Array,
    private readonly fineCounts: Int32Array,
    private readonly fineStride: number,
  ) {
    this.coarseCount = coarseCount;
    this.leaves = Array.from({ length: coarseCount * fineStride }, () => new LeafBlock(dimensions, 4));
  }

  /** Trains on a sample of the rows, then files all of them. Cost: O(rows × (coarse + fine)) dot products. */
  static train(rows: PartitionRows, dimensions: number, settings: PartitionSettings, random: () => number): TwoLevelPartition {
    const size = rows.ids.length;
    const lists = Math.max(4, Math.round(size / settings.rowsPerList));
    const perLevel = Math.max(2, Math.ceil(Math.sqrt(lists)));
    const sample = sampleRows(size, Math.min(size, lists * settings.samplePerList), random);
    const { vectors } = rows;
    const coarse = sphericalKMeans({ vectors, rows: sample, dimensions, clusters: perLevel, iterations: settings.iterations, random });
    const members: number[][] = Array.from({ length: coarse.count }, () => []);
    for (const row of sample) members[nearestRow(coarse.centroids, coarse.count, vectors, row * dimensions, dimensions)]?.push(row);
    const fine = new Float32Array(coarse.count * perLevel * dimensions);
    const counts = new Int32Array(coarse.count);
    members.forEach((cellRows, cell) => {
      if (cellRows.length === 0) {
        // A cell no sampled row fell into keeps its own centroid as its only leaf.
        fine.set(coarse.centroids.subarray(cell * dimensions, (cell + 1) * dimensions), cell * perLevel * dimensions);
        counts[cell] = 1;
        return;
      }
      const split = sphericalKMeans({ vectors, rows: cellRows, dimensions, clusters: perLevel, iterations: settings.iterations, random });
      fine.set(split.centroids, cell * perLevel * dimensions);
      counts[cell] = split.count;
    });
    const partition = new TwoLevelPartition(dimensions, coarse.centroids, coarse.count, fine, counts, perLevel);
    rows.ids.forEach((id, row) => partition.insert(id, vectors, row * dimensions));
    return partition;
  }

  get size(): number {
    return this.locations.size;
  }

  /** Files the unit vector at `offset` of `vectors` under its nearest leaf. */
  insert(id: string, vectors: Float32Array, offset = 0): void {
    const dimensions = this.dimensions;
    const cell = nearestRow(this.coarse, this.coarseCount, vectors, offset, dimensions);
    const fineRows = this.fine.subarray(cell * this.fineStride * dimensions);
    const leaf = cell * this.fineStride + nearestRow(fineRows, this.fineCounts[cell] as number, vectors, offset, dimensions);
    const position = (this.leaves[leaf] as LeafBlock).push(id, vectors, offset);
    this.locations.set(id, { leaf, position });
  }

  /** Forgets a row; false when it was not here. */
  remove(id: string): boolean {
    const location = this.locations.get(id);
    if (location === undefined) return false;
    this.locations.delete(id);
    const moved = (this.leaves[location.leaf] as LeafBlock).removeAt(location.position);
    if (moved !== undefined) (this.locations.get(moved) as { position: number }).position = location.position;
    return true;
  }

  /** Offers the rows of the most promising leaves for the unit `query` to `top`. */
  search(query: Float32Array, top: TopK<string>, probes: Pick<PartitionSettings, 'coarseProbes' | 'listProbes'>): void {
    const dimensions = this.dimensions;
    const cells = new TopK<number>(Math.min(probes.coarseProbes, this.coarseCount));
    for (let cell = 0; cell < this.coarseCount; cell += 1) cells.offer(cell, dotAt(this.coarse, cell * dimensions, query, 0, dimensions));
    const leaves = new TopK<number>(probes.listProbes);
    for (const cell of cells.items) {
      const count = this.fineCounts[cell] as number;
      for (let fine = 0; fine < count; fine += 1) {
        const leaf = cell * this.fineStride + fine;
        if ((this.leaves[leaf] as LeafBlock).size > 0) leaves.offer(leaf, dotAt(this.fine, leaf * dimensions, query, 0, dimensions));
      }
    }
    for (const leaf of leaves.items) (this.leaves[leaf] as LeafBlock).scan(query, top);
  }

  /** Offers every row to `top`: the exact baseline. */
  scanAll(query: Float32Array, top: TopK<string>): void {
    for (const leaf of this.leaves) leaf.scan(query, top);
  }

  /** All rows, gathered into one matrix (for retraining). */
  gather(): PartitionRows {
    const vectors = new Float32Array(this.size * this.dimensions);
    const ids: string[] = [];
    for (const leaf of this.leaves) {
      vectors.set(leaf.vectors.subarray(0, leaf.size * this.dimensions), ids.length * this.dimensions);
      for (let position = 0; position < leaf.size; position += 1) ids.push(leaf.idAt(position));
    }
    return { vectors, ids };
  }
}

/** `count` distinct row numbers below `size`, chosen at random (all of them when count ≥ size). */
function sampleRows(size: number, count: number, random: () => number): number[] {
  const rows = Array.from({ length: size }, (_, index) => index);
  if (count >= size) return rows;
  for (let index = 0; index < count; index += 1) {
    const pick = index + Math.floor(random() * (size - index));
    [rows[index], rows[pick]] = [rows[pick] as number, rows[index] as number];
  }
  return rows.slice(0, count);
}
