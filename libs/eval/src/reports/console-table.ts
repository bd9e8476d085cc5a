import { type QueryResult } from '../query-result.js';
import { type EvalSummary } from '../summarize.js';
import { clip, costCell, figuresLine, groundednessCell, latencyCell, passLine, statusLabel, truncate } from './format-cells.js';
import { type ReportContext } from './report-context.js';

export interface ConsoleTableOptions extends Pick<ReportContext, 'comparison'> {
  /** Line width in characters (the terminal's columns); default 120. */
  width?: number;
}

interface Column {
  header: string;
  cell: (result: QueryResult) => string;
  /** Widest the column grows (the reason column takes what is left). */
  max: number;
  right?: boolean;
}

const COLUMNS: readonly Column[] = [
  { header: 'ID', cell: (result) => result.id, max: 32 },
  { header: 'TAGS', cell: (result) => result.tags.join(','), max: 24 },
  { header: 'RESULT', cell: (result) => statusLabel(result.status), max: 10 },
  { header: 'GROUND', cell: (result) => groundednessCell(result.groundedness), max: 6, right: true },
  { header: 'LATENCY', cell: (result) => latencyCell(result.latencyMs), max: 10, right: true },
  { header: 'COST', cell: (result) => costCell(result.costUsd), max: 9, right: true },
];

/** A plain-text table of the run, one query a line, then the totals; no line is wider than `width`. */
export function toConsoleTable(summary: EvalSummary, results: readonly QueryResult[], options: ConsoleTableOptions = {}): string {
  const width = Math.max(20, Math.floor(options.width ?? 120));
  const widths = COLUMNS.map((column) => Math.min(column.max, Math.max(column.header.length, ...results.map((result) => column.cell(result).length))));
  const line = (cells: readonly string[], reason: string): string => {
    const fixed = cells.map((text, index) => {
      const column = COLUMNS[index] as Column;
      const cut = truncate(text, widths[index] as number);
      return column.right === true ? cut.padStart(widths[index] as number) : cut.padEnd(widths[index] as number);
    });
    return clip(`${fixed.join('  ')}  ${truncate(reason, width)}`, width).trimEnd();
  };
  const lines = [line(COLUMNS.map((column) => column.header), 'REASON')];
  lines.push('-'.repeat(Math.min(width, lines[0]?.length ?? width)));
  for (const result of results) lines.push(line(COLUMNS.map((column) => column.cell(result)), result.reason ?? ''));
  lines.push('');
  const comparison = options.comparison;
  lines.push(truncate(comparison === undefined ? passLine(summary) : `gate ${comparison.gate.toUpperCase()}: ${passLine(summary)}`, width));
  lines.push(truncate(figuresLine(summary), width));
  for (const reason of comparison?.reasons ?? []) lines.push(truncate(`- ${reason}`, width));
  if (comparison !== undefined && comparison.regressions.length > 0) lines.push(truncate(`regressed: ${comparison.regressions.map((regression) => regression.id).join(', ')}`, width));
  return `${lines.join('\n')}\n`;
}
