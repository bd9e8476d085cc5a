import { byTestId, h, replaceChildren } from './dom.js';
import { formatInt, formatMs, formatPercent, formatScore, formatUsd } from './format.js';

/** Above this share of failed requests the error tile turns red rather than amber. */
const ERROR_RATE_ALARM = 0.05;

/**
 * The header tiles. Each tile keeps its raw number in `data-value` (empty when the API sent
 * null) so tests and scripts need not parse formatted text.
 */
export function renderKpis(totals) {
  const requests = totals.requests ?? 0;
  const errorRate = requests > 0 ? totals.errors / requests : null;
  const tiles = [
    tile('kpi-requests', 'Requests', totals.requests, formatInt(totals.requests), `${formatInt(totals.cache_hits)} served from cache`),
    tile('kpi-spend', 'Spend', totals.cost_usd, formatUsd(totals.cost_usd), requests > 0 ? `${formatUsd(totals.cost_usd / requests)} per request` : 'no requests'),
    tile('kpi-p95', 'p95 latency', totals.p95_ms, formatMs(totals.p95_ms), `p50 ${formatMs(totals.p50_ms)} · p99 ${formatMs(totals.p99_ms)}`),
    tile('kpi-cache-hit-rate', 'Cache hit rate', totals.cache_hit_rate, formatPercent(totals.cache_hit_rate), `${formatInt(totals.cache_hits)} hits`),
    tile('kpi-errors', 'Errors', totals.errors, formatInt(totals.errors), errorRate === null ? 'no requests' : `${formatPercent(errorRate)} of requests`,
      totals.errors > 0 ? (errorRate > ERROR_RATE_ALARM ? 'danger' : 'warning') : undefined),
    tile('kpi-fallbacks', 'Fallbacks', totals.fallbacks, formatInt(totals.fallbacks), `${formatInt(totals.retries)} retries`),
    tile('kpi-groundedness', 'Groundedness', totals.groundedness_mean, formatScore(totals.groundedness_mean),
      totals.groundedness_mean === null || totals.groundedness_mean === undefined ? 'no data yet' : `${formatPercent(totals.low_groundedness_share)} low-grounded answers`),
    tile('kpi-budget-rejections', 'Budget rejections', totals.budget_rejections, formatInt(totals.budget_rejections), 'refused by a spend cap',
      totals.budget_rejections > 0 ? 'warning' : undefined),
  ];
  replaceChildren(byTestId('kpis'), tiles);
}

function tile(testid, label, raw, value, detail, tone) {
  return h('div', { class: `kpi${tone ? ` tone-${tone}` : ''}`, 'data-testid': testid, 'data-value': typeof raw === 'number' ? raw : '' },
    h('div', { class: 'kpi-label' }, label),
    h('div', { class: 'kpi-value' }, value),
    h('div', { class: 'kpi-detail' }, detail),
  );
}
