import { h, note, replaceChildren, slot } from './dom.js';
import { DASH, formatPercent, formatPercentAxis, formatScore, formatTime, formatUsd } from './format.js';
import { lineChart } from './line-chart.js';

/**
 * The latest golden-query eval runs (`ballast eval`, `POST /v1/evals`, the Schedule): pass rate
 * and mean groundedness from oldest to newest, then one row per run, newest first.
 */
export function renderEvalRuns(runs) {
  if (!runs || runs.length === 0) {
    replaceChildren(slot('eval-runs'), note('No eval runs yet. Run `ballast eval --suite <file>` or enable eval.schedule.', 'eval-runs-empty'));
    return;
  }
  const completed = runs.filter((run) => run.status === 'completed').reverse();
  const trend = completed.length === 0 ? note('No completed run yet.') : [
    h('ul', { class: 'legend' },
      h('li', {}, h('span', { class: 'swatch series-a' }), 'pass rate'),
      h('li', {}, h('span', { class: 'swatch series-d' }), 'mean groundedness')),
    lineChart({
      label: 'Eval pass rate and mean groundedness per run',
      labels: completed.map((run) => run.created_at),
      series: [
        { name: 'pass rate', className: 'series-a', values: completed.map((run) => run.pass_rate) },
        { name: 'mean groundedness', className: 'series-d', values: completed.map((run) => run.mean_groundedness) },
      ],
      axisFormat: formatPercentAxis,
      labelFormat: (iso) => String(iso).slice(5, 10),
      maxValue: 1,
      describe: (index) => `${completed[index].suite} ${formatTime(completed[index].created_at)}: pass rate ${formatPercent(completed[index].pass_rate)}, groundedness ${formatScore(completed[index].mean_groundedness)}`,
    }),
  ];
  const table = h('table', { class: 'traces' },
    h('thead', {}, h('tr', {}, ['Time', 'Suite', 'Trigger', 'Queries', 'Pass rate', 'Groundedness', 'Cost', 'Gate'].map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', { 'data-testid': 'eval-run-list' }, runs.map(runRow)),
  );
  replaceChildren(slot('eval-runs'), h('div', { class: 'chart-body', 'data-testid': 'eval-trend' }, trend), h('div', { class: 'table-scroll' }, table));
}

export function clearEvalRuns(message) {
  replaceChildren(slot('eval-runs'), note(message));
}

function runRow(run) {
  const gate = run.status === 'completed' ? run.gate : run.status;
  return h('tr', { 'data-testid': 'eval-run-row', 'data-eval-run-id': run.id },
    h('td', {}, formatTime(run.created_at)),
    h('td', {}, run.suite),
    h('td', {}, run.trigger),
    h('td', { class: 'num' }, String(run.queries)),
    h('td', { class: 'num' }, run.pass_rate === null ? DASH : formatPercent(run.pass_rate)),
    h('td', { class: 'num' }, run.mean_groundedness === null ? DASH : formatScore(run.mean_groundedness)),
    h('td', { class: 'num' }, run.total_cost_usd === null ? DASH : formatUsd(run.total_cost_usd)),
    h('td', { class: `gate gate-${gate}` }, gate ?? DASH),
  );
}
