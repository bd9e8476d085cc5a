import { type QueryResult } from '../query-result.js';
import { type EvalSummary } from '../summarize.js';
import { type ReportContext } from './report-context.js';

export const JSON_REPORT_VERSION = 1;

/** The whole run as JSON (pretty, newline-terminated); its `summary` serves as the next run's baseline (`readBaseline`). */
export function toJsonReport(summary: EvalSummary, results: readonly QueryResult[], context: ReportContext = {}): string {
  const report = {
    version: JSON_REPORT_VERSION,
    suite: context.suite ?? null,
    description: context.description ?? null,
    generatedAt: context.generatedAt ?? null,
    thresholds: context.thresholds ?? null,
    gate: context.comparison ?? null,
    summary,
    results,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}
