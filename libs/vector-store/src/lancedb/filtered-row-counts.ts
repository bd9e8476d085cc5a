/**
 * Remembers how many rows a search filter matched, so a search can choose between the vector
 * index and an exact scan without counting every time. Entries expire after `ttlMs` (other
 * processes may write) and are dropped for a table whenever this process writes to it.
 */
export class FilteredRowCounts {
  private readonly entries = new Map<string, { readonly rows: number; readonly expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached count of `filter` on `table`, counting it with `countRows` when unknown or stale. */
  async get(table: string, filter: string, countRows: () => Promise<number>): Promise<number> {
    const key = `${table}\u0000${filter}`;
    const cached = this.entries.get(key);
    if (cached !== undefined && cached.expiresAt > this.now()) return cached.rows;
    const rows = await countRows();
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { rows, expiresAt: this.now() + this.ttlMs });
    return rows;
  }

  /** Forgets every count of `table` (after a write). */
  invalidate(table: string): void {
    const prefix = `${table}\u0000`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }
}
