import { renderAlerts, clearAlerts } from './alerts.js';
import { ApiError, getJson } from './api.js';
import { clearCharts, renderCharts } from './charts.js';
import { byTestId, hideError, replaceChildren, showError } from './dom.js';
import { clearEvalRuns, renderEvalRuns } from './eval-runs.js';
import { formatClock, formatTime } from './format.js';
import { renderKpis } from './kpis.js';
import { clearMostExpensive, renderMostExpensive } from './most-expensive.js';
import { clearReview, renderReview } from './review.js';

/**
 * Everything `/v1/dashboard` feeds: totals, charts, alerts, eval runs, the weekly review and the
 * most expensive requests. `load(days)` replaces the previous window; an older load still in flight
 * is aborted so its answer cannot overwrite the newer one.
 */
export function createOverview({ open, onReport }) {
  let controller = null;
  const main = document.querySelector('main');
  const errorBox = byTestId('overview-error');

  async function load(days) {
    controller?.abort();
    controller = new AbortController();
    main.dataset.state = 'loading';
    hideError(errorBox);
    try {
      const report = await getJson('v1/dashboard', { query: { days }, signal: controller.signal });
      render(report);
      onReport(report);
      main.dataset.state = 'ready';
    } catch (error) {
      if (error.name === 'AbortError') return;
      main.dataset.state = 'error';
      if (error instanceof ApiError && error.status === 401) return;
      showError(errorBox, error.message);
      clearAll('Unavailable.');
    }
  }

  function render(report) {
    byTestId('generated-at').textContent = `Updated ${formatClock(report.generated_at)} · since ${formatTime(report.since)}`;
    renderKpis(report.totals ?? {});
    renderCharts(report);
    renderAlerts(report.alerts);
    renderReview(report.review);
    renderEvalRuns(report.eval_runs);
    renderMostExpensive(report.most_expensive, open);
  }

  function clearAll(message) {
    replaceChildren(byTestId('kpis'));
    clearCharts(message);
    clearAlerts(message);
    clearReview(message);
    clearEvalRuns(message);
    clearMostExpensive(message);
  }

  return {
    load,
    /** Blank state while signed out, so the next key never glimpses the previous key's data. */
    reset() {
      controller?.abort();
      byTestId('generated-at').textContent = '';
      clearAll('Loading…');
    },
  };
}
