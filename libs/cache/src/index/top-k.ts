/** The k best (item, score) pairs seen so far, best first: an insertion-sorted array, cheap for small k. */
export class TopK<T> {
  readonly items: T[] = [];
  readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  /** The score a candidate must beat to enter. */
  get floor(): number {
    return this.scores.length < this.k ? Number.NEGATIVE_INFINITY : (this.scores[this.scores.length - 1] as number);
  }

  offer(item: T, score: number): void {
    if (this.k <= 0 || score <= this.floor) return;
    let position = this.scores.length < this.k ? this.scores.length : this.k - 1;
    while (position > 0 && (this.scores[position - 1] as number) < score) {
      this.scores[position] = this.scores[position - 1] as number;
      this.items[position] = this.items[position - 1] as T;
      position -= 1;
    }
    this.scores[position] = score;
    this.items[position] = item;
  }
}
