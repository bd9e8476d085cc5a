import { h, note, replaceChildren, slot } from './dom.js';
import { formatAge, formatTime } from './format.js';

const SEVERITY_ORDER = ['critical', 'error', 'warning', 'info'];

/** Firing alerts, most severe and then longest-firing first; rules that are fine are only counted. */
export function renderAlerts(alerts) {
  const firing = (alerts ?? []).filter((alert) => alert.status === 'firing').sort(bySeverityThenAge);
  const quiet = (alerts ?? []).length - firing.length;
  const summary = h('p', { class: 'muted small', 'data-testid': 'alerts-summary' },
    firing.length === 0 ? `No alerts firing${quiet > 0 ? ` · ${quiet} rules OK` : ''}.` : `${firing.length} firing${quiet > 0 ? ` · ${quiet} OK` : ''}`);
  if (firing.length === 0) {
    replaceChildren(slot('alerts'), h('div', { class: 'all-clear' }, h('span', { class: 'dot-ok' }), summary));
    return;
  }
  replaceChildren(slot('alerts'), summary, h('ul', { class: 'alert-list' }, firing.map(alertItem)));
}

export function clearAlerts(message) {
  replaceChildren(slot('alerts'), note(message));
}

function alertItem(alert) {
  const severity = String(alert.severity ?? 'warning');
  return h('li', { class: `alert severity-${SEVERITY_ORDER.includes(severity) ? severity : 'warning'}`, 'data-testid': 'alert-item' },
    h('span', { class: 'badge' }, severity),
    h('div', { class: 'alert-text' },
      h('div', { class: 'alert-title' }, h('strong', {}, alert.rule), h('span', { class: 'muted' }, [` · ${alert.kind} · ${alert.subject}`, alert.tenant_id ? ` · tenant ${alert.tenant_id}` : ''].join(''))),
      h('div', { class: 'alert-summary' }, alert.summary),
    ),
    h('span', { class: 'muted small alert-age', title: `firing since ${formatTime(alert.since)}` }, `for ${formatAge(alert.since)}`),
  );
}

function bySeverityThenAge(a, b) {
  const rank = (alert) => {
    const index = SEVERITY_ORDER.indexOf(alert.severity);
    return index === -1 ? SEVERITY_ORDER.length : index;
  };
  return rank(a) - rank(b) || String(a.since).localeCompare(String(b.since));
}
