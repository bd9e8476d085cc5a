/** Micro-dollars per US dollar: the ledger counts integers of $0.000001. */
export const MICROS_PER_USD = 1_000_000;

/**
 * Dollars to whole micro-dollars, rounded to the nearest. Throws for negative or non-finite
 * amounts and for amounts beyond 2^53 micro-dollars (about $9 billion), where integers stop
 * being exact.
 */
export function usdToMicros(usd: number): number {
  if (!Number.isFinite(usd) || usd < 0) {
    throw new RangeError(`a dollar amount must be a finite number ≥ 0, got ${usd}`);
  }
  const micros = Math.round(usd * MICROS_PER_USD);
  if (!Number.isSafeInteger(micros)) {
    throw new RangeError(`$${usd} is too large for the ledger`);
  }
  return micros;
}

/** Micro-dollars to dollars (exact to the micro-dollar for every amount the ledger holds). */
export function microsToUsd(micros: number): number {
  return micros / MICROS_PER_USD;
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
