import { formatPercent } from '#libs/observability';
import { type QueryResult } from '../query-result.js';
import { type EvalSummary } from '../summarize.js';
import { costCell, figuresLine, groundednessCell, latencyCell, passLine, statusLabel } from './format-cells.js';
import { type ReportContext } from './report-context.js';

/** The run as Markdown, for a CI job summary or a pull-request comment. */
export function toMarkdownReport(summary: EvalSummary, results: readonly QueryResult[], context: ReportContext = {}): string {
  const lines: string[] = [`# Eval: ${inline(context.suite ?? 'golden queries')}`, ''];
  if (context.description !== undefined && context.description.trim() !== '') lines.push(inline(context.description), '');
  if (context.generatedAt !== undefined) lines.push(`_Run ${inline(context.generatedAt)}_`, '');
  const comparison = context.comparison;
  if (comparison !== undefined) {
    lines.push(`**Gate: ${comparison.gate.toUpperCase()}** — ${passLine(summary)}${context.thresholds === undefined ? '' : `, ${formatPercent(context.thresholds.passRate)} required`}`, '');
    for (const reason of comparison.reasons) lines.push(`- ${inline(reason)}`);
    if (comparison.reasons.length > 0) lines.push('');
  } else lines.push(`**${passLine(summary)}**`, '');
  lines.push(figuresLine(summary), '');

  lines.push('| Queries | Passed | Failed | Incomplete | Errors | Pass rate | Mean groundedness | Latency p50 | Latency p95 | Cost |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  lines.push(
    row([
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
    ]),
    '',
  );

  const tags = Object.entries(summary.byTag);
  if (tags.length > 0) {
    lines.push('## By tag', '', '| Tag | Queries | Passed | Pass rate |', '|---|---:|---:|---:|');
    for (const [tag, figures] of tags) lines.push(row([tag, String(figures.queries), String(figures.passed), formatPercent(figures.passRate)]));
    lines.push('');
  }

  if (comparison !== undefined && comparison.regressions.length > 0) {
    lines.push('## Regressions', '', 'Passed in the baseline, not now:', '');
    for (const regression of comparison.regressions) lines.push(`- \`${regression.id}\` (${regression.status}): ${inline(regression.reason)}`);
    lines.push('');
  }

  if (summary.failures.length > 0) {
    lines.push('## Failures', '');
    for (const failure of summary.failures) lines.push(`- \`${failure.id}\` (${failure.status}): ${inline(failure.reason)}`);
    lines.push('');
  }

  lines.push('## Queries', '', '| Query | Tags | Result | Groundedness | Latency | Cost | Reason |', '|---|---|---|---:|---:|---:|---|');
  for (const result of results) {
    lines.push(
      row([`\`${result.id}\``, result.tags.join(', '), statusLabel(result.status), groundednessCell(result.groundedness), latencyCell(result.latencyMs), costCell(result.costUsd), result.reason ?? '']),
    );
  }
  return `${lines.join('\n')}\n`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** A table cell: one line, pipes escaped. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

/** One line of text, HTML-ish angle brackets neutralised so a pasted answer cannot inject markup. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
