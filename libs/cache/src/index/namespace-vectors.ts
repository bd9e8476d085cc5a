import { LeafBlock } from './leaf-block.js';
import { TopK } from './top-k.js';
import { TwoLevelPartition, type PartitionSettings } from './two-level-partition.js';

/** When a namespace switches from an exact scan to a partition, and how it keeps it fresh. */
export interface NamespaceSettings extends PartitionSettings {
  /** Below this many vectors a search scans them all. */
  readonly exactSearchLimit: number;
  /** Retrain when the namespace has grown (or shrunk) by this factor since the last training. */
  readonly retrainFactor: number;
}

/** One hit of a search. */
export interface IdScore {
  readonly id: string;
  readonly score: number;
}

/**
 * The unit vectors of one namespace: one contiguous block scanned exactly while the namespace is
 * small, a TwoLevelPartition once it reaches `exactSearchLimit`, retrained whenever it has grown
 * or shrunk by `retrainFactor` since the last training, and back to a block when it shrinks
 * below half the limit.
 */
export class NamespaceVectors {
  private block: LeafBlock | undefined;
  private readonly positions = new Map<string, number>();
  private partition: TwoLevelPartition | undefined;
  private trainedAtSize = 0;

  constructor(
    private readonly dimensions: number,
    private readonly settings: NamespaceSettings,
    private readonly random: () => number,
  ) {
    this.block = new LeafBlock(dimensions);
  }

  get count(): number {
    return this.partition?.size ?? this.positions.size;
  }

  /** Whether searches go through a partition (false: exact scan). */
  get partitioned(): boolean {
    return this.partition !== undefined;
  }

  /** Adds a unit vector under an id not yet in this namespace. */
  add(id: string, unitVector: Float32Array): void {
    if (this.partition !== undefined) {
      this.partition.insert(id, unitVector);
      if (this.partition.size >= this.trainedAtSize * this.settings.retrainFactor) this.retrain(this.partition.gather());
      return;
    }
    const block = this.block as LeafBlock;
    this.positions.set(id, block.push(id, unitVector));
    if (block.size >= this.settings.exactSearchLimit) {
      this.retrain({ vectors: block.vectors, ids: Array.from({ length: block.size }, (_, position) => block.idAt(position)) });
    }
  }

  /** Removes an id; false when it was not here. */
  remove(id: string): boolean {
    if (this.partition !== undefined) {
      if (!this.partition.remove(id)) return false;
      if (this.partition.size * this.settings.retrainFactor <= this.trainedAtSize) this.retrain(this.partition.gather());
      return true;
    }
    const position = this.positions.get(id);
    if (position === undefined) return false;
    this.positions.delete(id);
    const moved = (this.block as LeafBlock).removeAt(position);
    if (moved !== undefined) this.positions.set(moved, position);
    return true;
  }

  /** The k most similar rows by dot product, best first: exact while small (or when asked), approximate when partitioned. */
  search(unitQuery: Float32Array, k: number, options: { readonly coarseProbes?: number; readonly listProbes?: number; readonly exact?: boolean } = {}): IdScore[] {
    const top = new TopK<string>(k);
    if (this.partition === undefined) (this.block as LeafBlock).scan(unitQuery, top);
    else if (options.exact === true) this.partition.scanAll(unitQuery, top);
    else {
      this.partition.search(unitQuery, top, {
        coarseProbes: options.coarseProbes ?? this.settings.coarseProbes,
        listProbes: options.listProbes ?? this.settings.listProbes,
      });
    }
    return top.items.map((id, index) => ({ id, score: top.scores[index] as number }));
  }

  /** Rebuilds around `rows`: a partition trained on them, or one exact block when they are few. */
  private retrain(rows: { readonly vectors: Float32Array; readonly ids: readonly string[] }): void {
    const size = rows.ids.length;
    this.positions.clear();
    if (size < this.settings.exactSearchLimit / 2) {
      const block = new LeafBlock(this.dimensions, size);
      rows.ids.forEach((id, row) => this.positions.set(id, block.push(id, rows.vectors, row * this.dimensions)));
      this.block = block;
      this.partition = undefined;
      this.trainedAtSize = 0;
      return;
    }
    this.partition = TwoLevelPartition.train(rows, this.dimensions, this.settings, this.random);
    this.block = undefined;
    this.trainedAtSize = size;
  }
}
