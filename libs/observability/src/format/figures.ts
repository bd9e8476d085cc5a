// Fixed locale, so summaries, payloads and reports read the same on every machine.
const wholeNumber = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const dollars = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** `1,240`: a count or an amount rounded to a whole number, with thousands separators. */
export function formatCount(value: number): string {
  return wholeNumber.format(value);
}

/** `1,240 ms`. */
export function formatMs(value: number): string {
  return `${formatCount(value)} ms`;
}

/**
 * `$1,234.50`; amounts under a cent keep two significant digits (`$0.0042`), since per-answer
 * costs of cheap models would otherwise all read `$0.00`.
 */
export function formatUsd(value: number): string {
  const magnitude = Math.abs(value);
  if (magnitude > 0 && magnitude < 0.01) return `${value < 0 ? '-' : ''}$${significant(magnitude, 2)}`;
  return `${value < 0 ? '-' : ''}$${dollars.format(magnitude)}`;
}

/**
 * `$0.0427`, `$0.004`, `$1.25`: a cost per answer or per request, with three significant digits
 * under a dollar, where two decimals would make most routes look the same.
 */
export function formatUnitCost(value: number): string {
  const magnitude = Math.abs(value);
  return magnitude > 0 && magnitude < 1 ? `${value < 0 ? '-' : ''}$${significant(magnitude, 3)}` : formatUsd(value);
}

/** A positive amount under a dollar with `digits` significant digits, at least two decimals, no exponent. */
function significant(magnitude: number, digits: number): string {
  const decimals = Math.min(100, Math.max(2, digits - 1 - Math.floor(Math.log10(magnitude))));
  return magnitude.toFixed(decimals).replace(/(\.\d\d\d*?)0+$/, '$1');
}

/** `7.5%`, `14%`: a ratio (0.075) as a percentage with at most one decimal. */
export function formatPercent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(1))}%`;
}

/** `0.41`: a score between 0 and 1 with two decimals. */
export function formatScore(value: number): string {
  return value.toFixed(2);
}

/** `2×`, `1.5×`: a multiplier. */
export function formatFactor(value: number): string {
  return `${Number(value.toFixed(2))}×`;
}
