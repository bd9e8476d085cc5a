import { ApiError, getJson } from './api.js';
import { byTestId, h, hideError, note, replaceChildren, showError, slot } from './dom.js';
import { windowStart } from './days.js';
import { formatInt, formatTime } from './format.js';
import { traceRow, traceTable } from './trace-table.js';

/** One page per request: the server paginates, and the page never holds more than the operator asked to see. */
const PAGE_SIZE = 50;
const FILTERS = ['status', 'route', 'model', 'user'];

/**
 * The trace list under its filter form. Changing a filter or the window starts over from the
 * first page; "Load more" follows `next_cursor`. A newer request aborts an older one, so a slow
 * page can never land under a newer filter.
 */
export function createTraceExplorer({ open }) {
  const section = byTestId('trace-explorer');
  const form = byTestId('trace-filters');
  const loadMore = byTestId('trace-load-more');
  const count = byTestId('trace-count');
  const errorBox = byTestId('trace-error');
  const state = { days: 14, since: '', cursor: null, shown: 0, controller: null, tbody: null };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void reload();
  });
  // `reset` fires before the fields are cleared; read them after.
  form.addEventListener('reset', () => setTimeout(() => void reload()));
  byTestId('filter-status').addEventListener('change', () => void reload());
  loadMore.addEventListener('click', () => void loadPage());

  function filters() {
    const data = new FormData(form);
    return Object.fromEntries(FILTERS.map((name) => [name, String(data.get(name) ?? '').trim()]));
  }

  async function reload() {
    state.controller?.abort();
    state.cursor = null;
    state.shown = 0;
    state.since = windowStart(state.days);
    byTestId('trace-window').textContent = `since ${formatTime(state.since)}`;
    const { table, tbody } = traceTable('trace-list');
    state.tbody = tbody;
    replaceChildren(slot('traces'), table);
    await loadPage();
  }

  async function loadPage() {
    state.controller?.abort();
    const controller = new AbortController();
    state.controller = controller;
    section.dataset.state = 'loading';
    loadMore.disabled = true;
    hideError(errorBox);
    try {
      const page = await getJson('v1/traces', {
        query: { limit: PAGE_SIZE, cursor: state.cursor, since: state.since, ...filters() },
        signal: controller.signal,
      });
      const rows = document.createDocumentFragment();
      rows.append(...page.data.map((trace) => traceRow(trace, open)));
      state.tbody.append(rows);
      state.shown += page.data.length;
      state.cursor = page.next_cursor ?? null;
      if (state.shown === 0) replaceChildren(slot('traces'), note('No traces match these filters in this window.', 'trace-empty'));
      count.textContent = state.shown === 0 ? '' : `${formatInt(state.shown)} traces shown${state.cursor ? ', more available' : ''}`;
      loadMore.hidden = state.cursor === null;
      section.dataset.state = 'ready';
    } catch (error) {
      if (error.name === 'AbortError') return;
      section.dataset.state = 'error';
      if (!(error instanceof ApiError && error.status === 401)) showError(errorBox, error.message);
    } finally {
      loadMore.disabled = false;
    }
  }

  return {
    /** Shows the last `days` days, from the first page. */
    setDays(days) {
      state.days = days;
      return reload();
    },
    reload,
    /** Offers the report's models and users as filter completions. */
    suggest(report) {
      const options = (values) => [...new Set(values)].sort().map((value) => h('option', { value }));
      replaceChildren(document.getElementById('known-models'), options((report.spend_by_model ?? []).map((row) => row.model)));
      replaceChildren(document.getElementById('known-users'), options((report.spend_by_user ?? []).map((row) => row.user_id)));
    },
    /** Stops loading and forgets the filters: the next key starts from a clean explorer. */
    reset() {
      state.controller?.abort();
      for (const name of FILTERS) form.elements.namedItem(name).value = '';
      replaceChildren(slot('traces'));
      count.textContent = '';
      loadMore.hidden = true;
      hideError(errorBox);
    },
  };
}
