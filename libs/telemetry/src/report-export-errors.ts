import { loggingErrorHandler, setGlobalErrorHandler } from '@opentelemetry/core';

export interface ExportErrorReportOptions {
  /** At most one line per this interval; failures in between are counted. Default 60 s. */
  readonly intervalMs?: number;
  readonly log?: (line: string) => void;
  readonly now?: () => number;
}

/**
 * OpenTelemetry hands failures of background exports to a global error handler that prints
 * nothing unless a diag logger is set (and then a JSON stack per batch): with the collector
 * down, every span would be lost without a word. This reports them as one line per interval.
 * Returns the function that puts the SDK's default handler back.
 */
export function reportExportErrors(endpoint: string, options: ExportErrorReportOptions = {}): () => void {
  const intervalMs = options.intervalMs ?? 60_000;
  const log = options.log ?? ((line: string) => console.warn(line));
  const now = options.now ?? Date.now;
  let reportedAt = Number.NEGATIVE_INFINITY;
  let unreported = 0;
  setGlobalErrorHandler((error) => {
    if (now() - reportedAt < intervalMs) {
      unreported += 1;
      return;
    }
    reportedAt = now();
    const since = unreported > 0 ? ` (${unreported} more since the last report)` : '';
    unreported = 0;
    log(`[telemetry] OpenTelemetry export to ${endpoint} failed: ${messageOf(error)}${since}`);
  });
  return () => setGlobalErrorHandler(loggingErrorHandler());
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
