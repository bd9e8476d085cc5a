import { formatPercent } from '#libs/observability';
import { type AssertionResult } from '../assertions/assertion-result.js';
import { type QueryResult } from '../query-result.js';
import { type EvalSummary } from '../summarize.js';
import { costCell, figuresLine, groundednessCell, latencyCell, passLine, statusLabel } from './format-cells.js';
import { type ReportContext } from './report-context.js';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1f2328;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;white-space:nowrap}
.pass{color:#1a7f37}.fail,.error{color:#cf222e}.incomplete,.skipped{color:#9a6700}
.badge{display:inline-block;font-weight:600;padding:.1rem .5rem;border-radius:1rem;border:1px solid currentColor}
.muted{color:#59636e}details{border:1px solid #d0d7de;border-radius:6px;margin:.4rem 0;padding:.3rem .6rem}
summary{cursor:pointer}pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:.5rem;border-radius:4px;margin:.3rem 0}
`;

/** The run as one self-contained HTML page: inline style, no script, no external asset, all text escaped. */
export function toHtmlReport(summary: EvalSummary, results: readonly QueryResult[], context: ReportContext = {}): string {
  const title = `Eval: ${context.suite ?? 'golden queries'}`;
  const comparison = context.comparison;
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
  ];
  if (context.description !== undefined) parts.push(`<p class="muted">${escapeHtml(context.description)}</p>`);
  if (context.generatedAt !== undefined) parts.push(`<p class="muted">Run ${escapeHtml(context.generatedAt)}</p>`);
  if (comparison !== undefined) {
    parts.push(`<p><span class="badge ${comparison.gate}">Gate: ${comparison.gate.toUpperCase()}</span> ${escapeHtml(passLine(summary))}</p>`);
    if (comparison.reasons.length > 0) parts.push(`<ul>${comparison.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join('')}</ul>`);
  } else parts.push(`<p><strong>${escapeHtml(passLine(summary))}</strong></p>`);
  parts.push(`<p>${escapeHtml(figuresLine(summary))}</p>`);

  parts.push(
    table(
      ['Queries', 'Passed', 'Failed', 'Incomplete', 'Errors', 'Pass rate', 'Mean groundedness', 'Latency p50', 'Latency p95', 'Cost'],
      [
        [
          String(summary.queries),
          String(summary.passed),
          String(summary.failed),
          String(summary.incomplete),
          String(summary.errored),
          formatPercent(summary.passRate),
          groundednessCell(summary.meanGroundedness),
          latencyCell(summary.latencyMs.p50),
          latencyCell(summary.latencyMs.p95),
          costCell(summary.totalCostUsd),
        ].map(escapeHtml),
      ],
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    ),
  );

  const tags = Object.entries(summary.byTag);
  if (tags.length > 0) {
    parts.push('<h2>By tag</h2>', table(['Tag', 'Queries', 'Passed', 'Pass rate'], tags.map(([tag, figures]) => [tag, String(figures.queries), String(figures.passed), formatPercent(figures.passRate)].map(escapeHtml)), [1, 2, 3]));
  }
  if (comparison !== undefined && comparison.regressions.length > 0) {
    parts.push('<h2>Regressions</h2><p class="muted">Passed in the baseline, not now.</p>');
    parts.push(table(['Query', 'Result', 'Reason'], comparison.regressions.map((regression) => [escapeHtml(regression.id), status(regression.status), escapeHtml(regression.reason)])));
  }

  parts.push('<h2>Queries</h2>');
  for (const result of results) parts.push(queryDetails(result));
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}

function queryDetails(result: QueryResult): string {
  const figures = [`groundedness ${groundednessCell(result.groundedness)}`, `${result.citations} cited`, latencyCell(result.latencyMs), costCell(result.costUsd), result.route ?? '', result.model ?? ''].filter((text) => text !== '');
  return [
    `<details${result.pass ? '' : ' open'}><summary>${status(result.status)} <strong>${escapeHtml(result.id)}</strong>`,
    result.tags.length === 0 ? '' : ` <span class="muted">${escapeHtml(result.tags.join(', '))}</span>`,
    result.reason === undefined ? '' : ` — ${escapeHtml(result.reason)}`,
    '</summary>',
    `<p><strong>Question</strong></p><pre>${escapeHtml(result.question)}</pre>`,
    `<p><strong>Answer</strong> <span class="muted">${escapeHtml(figures.join(' · '))}</span></p><pre>${escapeHtml(result.answer)}</pre>`,
    result.error === undefined ? '' : `<p class="error">${escapeHtml(`${result.error.code}: ${result.error.message}`)}</p>`,
    result.assertions.length === 0 ? '' : table(['Assertion', 'Result', 'Expected', 'Actual', 'Reason'], result.assertions.map(assertionRow)),
    '</details>',
  ].join('');
}

function assertionRow(assertion: AssertionResult): string[] {
  const type = assertion.required ? assertion.type : `${assertion.type} (optional)`;
  return [escapeHtml(type), `<span class="${assertion.status}">${assertion.status}</span>`, escapeHtml(assertion.expected), escapeHtml(assertion.actual), escapeHtml(assertion.reason)];
}

function status(value: QueryResult['status']): string {
  return `<span class="badge ${value}">${statusLabel(value)}</span>`;
}

/** `rows` hold HTML the caller escaped; the `numeric` columns align right. */
function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>, numeric: readonly number[] = []): string {
  const head = `<tr>${headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('')}</tr>`;
  const body = rows.map((cells) => `<tr>${cells.map((cell, index) => (numeric.includes(index) ? `<td class="num">${cell}</td>` : `<td>${cell}</td>`)).join('')}</tr>`).join('');
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** Text as HTML: `& < > " '` escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
