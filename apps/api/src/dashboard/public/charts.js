import { barListChart } from './bar-list-chart.js';
import { columnChart } from './column-chart.js';
import { alignByDay, dayAxis } from './days.js';
import { byTestId, h, note, replaceChildren } from './dom.js';
import { formatCompact, formatDay, formatInt, formatMs, formatMsAxis, formatPercent, formatPercentAxis, formatScore, formatUsd, formatUsdAxis } from './format.js';
import { lineChart } from './line-chart.js';

const TOP = 10;

/** Fills every chart card of index.html from a `/v1/dashboard` report. */
export function renderCharts(report) {
  const axis = dayAxis(report);
  const hasTraffic = (report.totals?.requests ?? 0) > 0;
  fill('chart-spend-by-day', hasTraffic ? spendByDay(report, axis) : empty('No requests in this window.'));
  fill('chart-latency-by-day', latencyByDay(report, axis));
  fill('chart-spend-by-model', spendBy(report.spend_by_model, (row) => `${row.provider} / ${row.model}`, 'Spend by model'));
  fill('chart-spend-by-user', spendBy(report.spend_by_user, (row) => `${row.tenant_id} / ${row.user_id}`, 'Spend by user'));
  fill('chart-cache-by-day', hasTraffic ? cacheByDay(report, axis) : empty('No requests in this window.'));
  fill('chart-fallbacks-by-day', fallbacksByDay(report, axis));
  fill('chart-errors-by-type', errorsByType(report));
  fill('chart-groundedness-by-day', groundednessByDay(report, axis));
}

/** Shows "loading" in every chart while a new window is fetched, so stale charts are not mistaken for fresh ones. */
export function clearCharts(message) {
  for (const figure of document.querySelectorAll('figure.chart')) replaceChildren(figure.querySelector('.chart-body'), note(message));
}

function fill(testid, content) {
  replaceChildren(byTestId(testid).querySelector('.chart-body'), content);
}

function empty(message) {
  return note(message, 'chart-empty');
}

function legend(series) {
  return h('ul', { class: 'legend' }, series.map((entry) => h('li', {}, h('span', { class: `swatch ${entry.className}` }), entry.name)));
}

function spendByDay(report, axis) {
  const rows = alignByDay(axis, report.spend_by_day, (row) => row, { cost_usd: 0, requests: 0 });
  return columnChart({
    label: 'Spend per day',
    labels: axis,
    series: [{ name: 'spend', className: 'series-a', values: rows.map((row) => row.cost_usd) }],
    axisFormat: formatUsdAxis,
    labelFormat: formatDay,
    describe: (slot) => `${formatDay(axis[slot])}: ${formatUsd(rows[slot].cost_usd)} over ${formatInt(rows[slot].requests)} requests`,
  });
}

function latencyByDay(report, axis) {
  const percentiles = [
    { name: 'p50', field: 'p50_ms', className: 'series-b' },
    { name: 'p95', field: 'p95_ms', className: 'series-a' },
    { name: 'p99', field: 'p99_ms', className: 'series-c' },
  ];
  const series = percentiles.map((entry) => ({ ...entry, values: alignByDay(axis, report.latency_by_day, (row) => row[entry.field] ?? null, null) }));
  if (series.every((entry) => entry.values.every((value) => value === null))) return empty('No latency data in this window.');
  return [
    legend(series),
    lineChart({
      label: 'Latency p50, p95 and p99 per day',
      labels: axis,
      series,
      axisFormat: formatMsAxis,
      labelFormat: formatDay,
      describe: (slot, index) => `${formatDay(axis[slot])} ${series[index].name}: ${formatMs(series[index].values[slot])}`,
    }),
  ];
}

function spendBy(rows, name, label) {
  const top = [...(rows ?? [])].sort((a, b) => b.cost_usd - a.cost_usd).slice(0, TOP);
  if (top.length === 0) return empty('No spend in this window.');
  return barListChart({
    label,
    format: formatUsd,
    items: top.map((row) => ({ label: name(row), value: row.cost_usd, title: `${name(row)}: ${formatUsd(row.cost_usd)} over ${formatInt(row.requests)} requests` })),
  });
}

function cacheByDay(report, axis) {
  const rows = alignByDay(axis, report.cache_by_day, (row) => row, null);
  // A day without requests has no hit rate; plotting 0% would look like a cache outage.
  const values = rows.map((row) => (row && row.requests > 0 ? row.hit_rate : null));
  // Fit the axis to the data (a 6% hit rate on a 0–100% axis is a flat line), never past 100%.
  const highest = Math.max(0, ...values.filter((value) => value !== null));
  return lineChart({
    label: 'Cache hit rate per day',
    labels: axis,
    series: [{ name: 'hit rate', className: 'series-b', values }],
    maxValue: highest > 0.5 || highest === 0 ? 1 : undefined,
    area: true,
    axisFormat: formatPercentAxis,
    labelFormat: formatDay,
    describe: (slot) => `${formatDay(axis[slot])}: ${formatPercent(values[slot])} (${formatInt(rows[slot]?.hits)} of ${formatInt(rows[slot]?.requests)})`,
  });
}

function fallbacksByDay(report, axis) {
  const rows = alignByDay(axis, report.fallbacks_by_day, (row) => row, { fallbacks: 0, retries: 0 });
  if (rows.every((row) => row.fallbacks === 0 && row.retries === 0)) return empty('No fallbacks or retries in this window.');
  const series = [
    { name: 'fallbacks', className: 'series-c', values: rows.map((row) => row.fallbacks) },
    { name: 'retries', className: 'series-b', values: rows.map((row) => row.retries) },
  ];
  return [
    legend(series),
    columnChart({
      label: 'Fallbacks and retries per day',
      labels: axis,
      series,
      axisFormat: formatCompact,
      labelFormat: formatDay,
      describe: (slot, index) => `${formatDay(axis[slot])}: ${formatInt(series[index].values[slot])} ${series[index].name}`,
    }),
  ];
}

function errorsByType(report) {
  const rows = [...(report.errors_by_type ?? [])].filter((row) => row.count > 0).sort((a, b) => b.count - a.count).slice(0, TOP);
  if (rows.length === 0) return empty('No errors in this window.');
  return barListChart({
    label: 'Errors by type',
    className: 'series-danger',
    format: formatInt,
    items: rows.map((row) => ({ label: row.error_type, value: row.count })),
  });
}

function groundednessByDay(report, axis) {
  const rows = alignByDay(axis, report.groundedness_by_day, (row) => row, null);
  const values = rows.map((row) => (typeof row?.mean === 'number' ? row.mean : null));
  if (values.every((value) => value === null)) return empty('No groundedness data yet.');
  return lineChart({
    label: 'Mean groundedness per day',
    labels: axis,
    series: [{ name: 'mean groundedness', className: 'series-d', values }],
    maxValue: 1,
    axisFormat: formatScore,
    labelFormat: formatDay,
    describe: (slot) => `${formatDay(axis[slot])}: mean ${formatScore(values[slot])} over ${formatInt(rows[slot]?.answers)} answers`,
  });
}
