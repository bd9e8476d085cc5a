import { h, note } from './dom.js';
import { DASH, formatInt, formatMs, formatScore, formatTime, formatUsd } from './format.js';
import { statusBadge, temporalLink } from './trace-table.js';

/** What each storage mode means for an operator looking for the text. */
const CONTENT_MODES = {
  full: 'Prompt and response are stored as sent.',
  redacted: 'Prompt and response are stored with personal data replaced.',
  hashes: 'Only hashes of the prompt and response are stored.',
  none: 'Neither the content nor its hashes are stored.',
};

/** The body of the detail panel for one `/v1/traces/:id` answer. */
export function renderTraceDetail(trace) {
  return [
    h('div', { class: 'detail-head' }, statusBadge(trace.status), h('span', { class: 'muted' }, formatTime(trace.created_at)), temporalLink(trace.temporal_ui_url)),
    facts(trace),
    section('Attempts', 'trace-attempts', attempts(trace.attempts)),
    section('Prompt', 'trace-prompt', contentModeNote(trace), prompt(trace.prompt)),
    section('Response', 'trace-response', trace.response === null || trace.response === undefined ? note('Not stored.') : h('pre', { class: 'content' }, trace.response)),
    section('Hashes', 'trace-hashes', hashes(trace)),
    section('Redactions', 'trace-redactions', redactions(trace.redactions)),
  ];
}

function facts(trace) {
  const template = trace.prompt_template ? `${trace.prompt_template.id} v${trace.prompt_template.version}` : DASH;
  const rows = [
    ['Tenant / user', `${trace.tenant_id} / ${trace.user_id}`],
    ['Key', trace.key_id],
    ['Route', trace.route],
    ['Provider / model', trace.model ? `${trace.provider ?? '?'} / ${trace.model}` : DASH],
    ['Requested model', trace.requested_model ?? DASH],
    ['HTTP status', trace.http_status],
    ['Error', trace.error_type ?? DASH],
    ['Latency', `${formatMs(trace.latency_ms)} (first token ${formatMs(trace.ttft_ms)})`],
    ['Tokens', `${formatInt(trace.input_tokens)} in (${formatInt(trace.cached_tokens)} cached) → ${formatInt(trace.output_tokens)} out`],
    ['Cost', formatUsd(trace.cost_usd)],
    ['Cache', trace.cache_status],
    ['Retries / fallbacks', `${formatInt(trace.retries)} / ${formatInt(trace.fallbacks)}`],
    ['Groundedness', formatScore(trace.groundedness)],
    ['Prompt template', template],
    ['Workflow', trace.workflow_id ? [h('code', {}, trace.workflow_id), trace.run_id ? h('div', { class: 'muted small' }, `run ${trace.run_id}`) : null] : DASH],
  ];
  return h('dl', { class: 'facts', 'data-testid': 'trace-facts' }, rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value ?? DASH)]));
}

function section(title, testid, ...content) {
  return h('section', { class: 'detail-section', 'data-testid': testid }, h('h3', {}, title), content);
}

function contentModeNote(trace) {
  const mode = trace.content_mode ?? 'none';
  return h('p', { class: 'muted small' }, h('span', { class: 'badge neutral', 'data-testid': 'content-mode' }, mode), ' ', CONTENT_MODES[mode] ?? '');
}

function prompt(messages) {
  if (!Array.isArray(messages)) return note('Not stored.');
  return h('ol', { class: 'messages' }, messages.map((message) =>
    h('li', { class: 'message', 'data-testid': 'prompt-message' },
      h('div', { class: 'message-role' }, message.role),
      h('pre', { class: 'content' }, messageText(message.content)),
    ),
  ));
}

/** Message content is a string or, for multi-part messages, a list of parts. */
function messageText(content) {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (part?.type === 'text' ? part.text : `[${part?.type ?? 'part'}]`)).join('\n');
  return content === null || content === undefined ? '' : JSON.stringify(content, null, 2);
}

function hashes(trace) {
  if (!trace.prompt_hash && !trace.response_hash) return note('No hashes stored.');
  return h('dl', { class: 'facts hashes' },
    h('dt', {}, 'Prompt'), h('dd', {}, h('code', {}, trace.prompt_hash ?? DASH)),
    h('dt', {}, 'Response'), h('dd', {}, h('code', {}, trace.response_hash ?? DASH)),
  );
}

function attempts(list) {
  if (!Array.isArray(list) || list.length === 0) return note('No provider was called (served from cache or refused before routing).');
  return h('div', { class: 'table-scroll' }, h('table', { class: 'attempts' },
    h('thead', {}, h('tr', {}, ['#', 'Provider / model', 'Outcome', 'Latency', 'Error', 'HTTP', 'Message'].map((column) => h('th', { scope: 'col' }, column)))),
    h('tbody', {}, list.map((attempt) =>
      h('tr', { 'data-testid': 'attempt-row', 'data-outcome': attempt.outcome },
        h('td', {}, attempt.attempt),
        h('td', {}, `${attempt.provider} / ${attempt.model}`),
        h('td', {}, h('span', { class: `badge outcome-${String(attempt.outcome).replace(/[^a-z]/g, '')}` }, attempt.outcome)),
        h('td', { class: 'num' }, formatMs(attempt.latency_ms)),
        h('td', {}, attempt.error_kind ?? DASH),
        h('td', {}, attempt.status_code ?? DASH),
        h('td', { class: 'wrap' }, attempt.message ?? DASH),
      ),
    )),
  ));
}

function redactions(counts) {
  const entries = Object.entries(counts ?? {}).filter(([, value]) => value > 0);
  if (entries.length === 0) return note('Nothing was redacted.');
  return h('ul', { class: 'chips' }, entries.map(([kind, value]) => h('li', { class: 'chip', 'data-testid': 'redaction' }, `${kind} × ${formatInt(value)}`)));
}
