/** UTC day keys (`2026-11-20`), the grouping the API uses for every `*_by_day` series. */
const DAY_MS = 86_400_000;

export function dayKey(date) {
  return date.toISOString().slice(0, 10);
}

/**
 * The x axis of the daily charts: the window's `days` UTC days ending on the day the report was
 * generated, plus any day the data names outside it. The API may omit days without traffic;
 * the axis must still show them, as gaps or zeros.
 */
export function dayAxis(report) {
  const end = new Date(report.generated_at);
  const anchor = Number.isNaN(end.getTime()) ? new Date() : end;
  const count = Math.max(1, Number(report.days) || 1);
  const days = new Set();
  for (let offset = count - 1; offset >= 0; offset -= 1) days.add(dayKey(new Date(anchor.getTime() - offset * DAY_MS)));
  for (const series of [report.spend_by_day, report.latency_by_day, report.cache_by_day, report.fallbacks_by_day, report.groundedness_by_day]) {
    for (const row of series ?? []) days.add(row.day);
  }
  return [...days].sort();
}

/** `pick(row)` for each axis day, or `missing` for days the series does not mention. */
export function alignByDay(axis, rows, pick, missing) {
  const byDay = new Map((rows ?? []).map((row) => [row.day, row]));
  return axis.map((day) => (byDay.has(day) ? pick(byDay.get(day)) : missing));
}

/**
 * The trace explorer's window: from the start of the UTC day `days - 1` days ago, the window
 * `/v1/dashboard?days=` reports on, so the list holds exactly the requests the totals count.
 */
export function windowStart(days, now = Date.now()) {
  return `${dayKey(new Date(now - (days - 1) * DAY_MS))}T00:00:00.000Z`;
}
