/** Display formats. One locale for every viewer so screenshots and tests read the same. */
const LOCALE = 'en-US';
const integer = new Intl.NumberFormat(LOCALE);
const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });
const dayFormat = new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric', timeZone: 'UTC' });
const timeFormat = new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const clockFormat = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

export const DASH = '—';
const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);

export function formatInt(value) {
  return isNumber(value) ? integer.format(value) : DASH;
}

export function formatCompact(value) {
  return isNumber(value) ? compact.format(value) : DASH;
}

/** Dollars: cents for amounts of a dollar or more, three significant digits below (requests cost fractions of a cent). */
export function formatUsd(value) {
  if (!isNumber(value)) return DASH;
  if (value === 0) return '$0.00';
  if (Math.abs(value) >= 1) return `$${value.toLocaleString(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  return `$${Number(value.toPrecision(3)).toLocaleString(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 8 })}`;
}

/** Short dollar labels for chart axes. */
export function formatUsdAxis(value) {
  if (value === 0) return '$0';
  if (value >= 1000) return `$${compact.format(value)}`;
  return `$${Number(value.toPrecision(3))}`;
}

export function formatMs(value) {
  if (!isNumber(value)) return DASH;
  if (value < 1000) return `${Math.round(value)}\u00a0ms`;
  return `${(value / 1000).toFixed(value < 10_000 ? 2 : 1)}\u00a0s`;
}

export function formatMsAxis(value) {
  if (value === 0) return '0';
  return value >= 1000 ? `${Number((value / 1000).toPrecision(3))} s` : `${value} ms`;
}

/** A 0..1 ratio as a percentage. */
export function formatPercent(ratio, digits = 1) {
  return isNumber(ratio) ? `${(ratio * 100).toFixed(digits)}%` : DASH;
}

/** Percent axis labels: 2.5% stays 2.5%, not a rounded 3%. */
export function formatPercentAxis(ratio) {
  return `${Number((ratio * 100).toPrecision(3))}%`;
}

export function formatScore(value) {
  return isNumber(value) ? value.toFixed(2) : DASH;
}

/** `2026-11-20` (a UTC day, as the API groups) as `Nov 20`. */
export function formatDay(day) {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? String(day) : dayFormat.format(date);
}

/** An instant in the viewer's time zone, to the second (traces are told apart by seconds). */
export function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? String(iso ?? DASH) : timeFormat.format(date);
}

export function formatClock(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? DASH : clockFormat.format(date);
}

/** How long ago `iso` was, coarsely: `45s`, `12m`, `3h 5m`, `2d 4h`. */
export function formatAge(iso, now = Date.now()) {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (!Number.isFinite(seconds)) return DASH;
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours}h ${minutes % 60}m`;
  return `${Math.floor(hours / 24)}d ${hours % 24}h`;
}
