import { globalErrorHandler as reportOtelError } from '@opentelemetry/core';
import { reportExportErrors } from './report-export-errors.js';

// `globalErrorHandler` is what the SDK calls when a background export fails.
test('failed background exports are reported as one line per interval, with a count of the rest', () => {
  const lines: string[] = [];
  let clock = 0;
  const restore = reportExportErrors('http://collector:4318', { intervalMs: 60_000, log: (line) => lines.push(line), now: () => clock });
  try {
    reportOtelError(new Error('connect ECONNREFUSED 10.0.0.7:4318'));
    clock = 5_000;
    reportOtelError(new Error('connect ECONNREFUSED 10.0.0.7:4318'));
    reportOtelError(new Error('connect ECONNREFUSED 10.0.0.7:4318'));
    clock = 61_000;
    reportOtelError(new Error('Request Timeout'));
  } finally {
    restore();
  }
  expect(lines).toEqual([
    '[telemetry] OpenTelemetry export to http://collector:4318 failed: connect ECONNREFUSED 10.0.0.7:4318',
    '[telemetry] OpenTelemetry export to http://collector:4318 failed: Request Timeout (2 more since the last report)',
  ]);
});

test('restoring puts the SDK default back: nothing more reaches the report', () => {
  const lines: string[] = [];
  reportExportErrors('http://collector:4318', { log: (line) => lines.push(line) })();
  reportOtelError(new Error('after restore'));
  expect(lines).toEqual([]);
});
