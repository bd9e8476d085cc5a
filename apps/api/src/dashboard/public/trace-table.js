import { externalLink, h, safeUrl } from './dom.js';
import { DASH, formatInt, formatMs, formatTime, formatUsd } from './format.js';

/** Column classes set the widths (the table has a fixed layout: long names cannot push columns off screen). */
const COLUMNS = [
  ['Time', 'col-time'],
  ['User', 'col-user'],
  ['Route', 'col-route'],
  ['Model', 'col-model'],
  ['Status', 'col-status'],
  ['Latency', 'col-latency num'],
  ['Tokens in → out', 'col-tokens num'],
  ['Cost', 'col-cost num'],
  ['Temporal', 'col-temporal'],
];

/** An empty trace table; rows are appended to the returned `tbody` page by page. */
export function traceTable(bodyTestId) {
  const tbody = h('tbody', { 'data-testid': bodyTestId });
  const table = h('table', { class: 'traces' },
    h('thead', {}, h('tr', {}, COLUMNS.map(([label, className]) => h('th', { class: className, scope: 'col' }, label)))),
    tbody,
  );
  return { table, tbody };
}

/** One trace; clicking or pressing Enter on the row calls `open(id)`, the Temporal link just opens Temporal. */
export function traceRow(trace, open) {
  const activate = () => open(trace.id);
  return h('tr', {
    class: 'trace-row',
    tabindex: 0,
    'data-testid': 'trace-row',
    'data-trace-id': trace.id,
    onclick: activate,
    onkeydown: (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        activate();
      }
    },
  },
    h('td', { class: 'nowrap' }, formatTime(trace.created_at)),
    h('td', { class: 'clip', title: `${trace.tenant_id} / ${trace.user_id}` }, h('span', { class: 'muted' }, `${trace.tenant_id} / `), trace.user_id),
    h('td', { class: 'clip', title: trace.route }, trace.route ?? DASH),
    h('td', { class: 'clip', title: trace.model ? `${trace.provider} / ${trace.model}` : undefined }, trace.model ? [h('span', { class: 'muted' }, `${trace.provider ?? '?'} / `), trace.model] : requested(trace)),
    h('td', {}, statusCell(trace)),
    h('td', { class: 'num' }, formatMs(trace.latency_ms)),
    h('td', { class: 'num', title: `${formatInt(trace.cached_tokens)} cached input tokens` }, `${formatInt(trace.input_tokens)} → ${formatInt(trace.output_tokens)}`),
    h('td', { class: 'num' }, formatUsd(trace.cost_usd)),
    h('td', {}, temporalLink(trace.temporal_ui_url)),
  );
}

/** No model answered (refused, failed before a call): show what was asked for, marked as such. */
function requested(trace) {
  return trace.requested_model ? h('span', { class: 'muted' }, `${trace.requested_model} (requested)`) : DASH;
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${String(status).replace(/[^a-z-]/g, '')}`, 'data-testid': 'trace-status' }, status);
}

function statusCell(trace) {
  const extras = [
    trace.error_type,
    trace.retries > 0 ? `${trace.retries} ${trace.retries === 1 ? 'retry' : 'retries'}` : null,
    trace.fallbacks > 0 ? `${trace.fallbacks} ${trace.fallbacks === 1 ? 'fallback' : 'fallbacks'}` : null,
  ].filter(Boolean);
  return [statusBadge(trace.status), extras.length > 0 ? h('div', { class: 'muted small clip', title: extras.join(' · ') }, extras.join(' · ')) : null];
}

/** The workflow's Temporal UI page; the click must not also open the detail panel. */
export function temporalLink(url) {
  if (safeUrl(url) === null) return h('span', { class: 'muted' }, DASH);
  const link = externalLink(url, 'Temporal ↗', { 'data-testid': 'temporal-link', class: 'temporal-link' });
  link.addEventListener('click', (event) => event.stopPropagation());
  link.addEventListener('keydown', (event) => event.stopPropagation());
  return link;
}
