import type { CheckResult } from './doctor-check.js';

const LABELS = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' } as const;

/** The report as text: one line per check, the fix indented below each warning and failure, then totals. */
export function formatDoctorReport(results: readonly CheckResult[], skipped: string | undefined): string {
  const width = Math.max(...results.map((result) => result.name.length));
  const lines = results.flatMap((result) => {
    const line = `${LABELS[result.status]}  ${result.name.padEnd(width)}  ${result.detail}`;
    return result.fix && result.status !== 'pass' ? [line, `${' '.repeat(width + 8)}fix: ${result.fix}`] : [line];
  });
  if (skipped) lines.push(`SKIP  ${skipped}`);
  const count = (status: CheckResult['status']) => results.filter((result) => result.status === status).length;
  lines.push('', `${count('pass')} passed, ${count('warn')} warning${count('warn') === 1 ? '' : 's'}, ${count('fail')} failed`);
  return `${lines.join('\n')}\n`;
}
