/**
 * Nano-dollars per US dollar: the ledger counts integers of $0.000000001, so a cheap request
 * ($0.0000492) is charged what its response says, not rounded to the micro-dollar. 2^53
 * nano-dollars is about $9 million per counter and period.
 */
export const NANOS_PER_USD = 1_000_000_000;

/**
 * Dollars to whole nano-dollars, rounded to the nearest. Throws for negative or non-finite
 * amounts and for amounts beyond 2^53 nano-dollars (about $9 million), where integers stop
 * being exact.
 */
export function usdToNanos(usd: number): number {
  if (!Number.isFinite(usd) || usd < 0) {
    throw new RangeError(`a dollar amount must be a finite number ≥ 0, got ${usd}`);
  }
  const nanos = Math.round(usd * NANOS_PER_USD);
  if (!Number.isSafeInteger(nanos)) {
    throw new RangeError(`$${usd} is too large for the ledger`);
  }
  return nanos;
}

/** Nano-dollars to dollars (exact to the nano-dollar for every amount the ledger holds). */
export function nanosToUsd(nanos: number): number {
  return nanos / NANOS_PER_USD;
}

/**
 * Reads an integer as a driver returns it: a number (better-sqlite3), a decimal string
 * (node-postgres for int8 and sums) or a bigint. Null reads as 0. Throws when not a safe integer.
 */
export function toSafeInteger(value: number | string | bigint | null): number {
  if (value === null) {
    return 0;
  }
  const number = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(number)) {
    throw new RangeError(`expected a safe integer from the database, got ${String(value)}`);
  }
  return number;
}
