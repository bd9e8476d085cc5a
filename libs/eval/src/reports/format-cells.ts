import { formatMs, formatPercent, formatUnitCost } from '#libs/observability';
import { type QueryStatus } from '../query-result.js';
import { type EvalSummary } from '../summarize.js';

export const NONE = '–';

export function groundednessCell(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NONE : value.toFixed(2);
}

export function latencyCell(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NONE : formatMs(value);
}

export function costCell(value: number): string {
  return Number.isFinite(value) ? formatUnitCost(value) : NONE;
}

export function statusLabel(status: QueryStatus): string {
  return status.toUpperCase();
}

/** `52/60 passed (86.7%)`. */
export function passLine(summary: EvalSummary): string {
  return `${summary.passed}/${summary.queries} passed (${formatPercent(summary.passRate)})`;
}

/** `groundedness 0.82 · p50 1,240 ms · p95 3,100 ms · cost $0.42`. */
export function figuresLine(summary: EvalSummary): string {
  const grader = summary.graderCostUsd > 0 ? ` (grading ${costCell(summary.graderCostUsd)})` : '';
  return [
    `groundedness ${groundednessCell(summary.meanGroundedness)}`,
    `p50 ${latencyCell(summary.latencyMs.p50)}`,
    `p95 ${latencyCell(summary.latencyMs.p95)}`,
    `cost ${costCell(summary.totalCostUsd)}${grader}`,
  ].join(' · ');
}

/** `text` cut to `width` characters, the last one an ellipsis when cut; newlines become spaces. */
export function truncate(text: string, width: number): string {
  return clip(text.replace(/\s+/g, ' ').trim(), width);
}

/** `text` (one line) cut to `width` characters, the last one an ellipsis when cut; spacing kept. */
export function clip(text: string, width: number): string {
  if (width <= 0) return '';
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
