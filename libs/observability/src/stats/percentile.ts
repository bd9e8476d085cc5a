/**
 * The `p`-th percentile (0–100) of `values` by the nearest-rank method: the smallest value such
 * that at least p% of the values are at or below it, i.e. the value at rank ⌈p/100 × n⌉ of the
 * sorted values (rank 1 for p = 0). It is always one of the values, never an interpolation, so
 * "p95 1,240 ms" means a request really took 1,240 ms. Values need not be sorted (a sorted copy is
 * taken); undefined for no values.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile p must be between 0 and 100, got ${p}`);
  if (values.length === 0) return undefined;
  const sorted = isSorted(values) ? values : [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

function isSorted(values: readonly number[]): boolean {
  for (let index = 1; index < values.length; index += 1) {
    if ((values[index] as number) < (values[index - 1] as number)) return false;
  }
  return true;
}
