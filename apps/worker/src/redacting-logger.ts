import { DefaultLogger, type LogEntry, type Logger } from '@temporalio/worker';
import { createRedactor, redactDeep, type RedactionPolicy } from '#libs/observability';

/**
 * The worker's log sink (Temporal's runtime logger, which also carries workflow and activity
 * logs): every message and metadata value passes through the configured redaction policy first,
 * so a provider error that echoes a prompt, or a key in an error's fields, never reaches the logs.
 */
export function redactingLogger(
  policy: RedactionPolicy,
  options: { level?: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR'; write?: (line: string, level: string) => void } = {},
): Logger {
  const write = options.write ?? ((line: string, level: string) => (level === 'ERROR' || level === 'WARN' ? console.error(line) : console.log(line)));
  const redactor = createRedactor(policy);
  return new DefaultLogger(options.level ?? 'INFO', (entry: LogEntry) => {
    const message = redactor.redact(entry.message).text;
    const meta = entry.meta === undefined ? undefined : redactDeep(entry.meta, redactor).value;
    const line = `${new Date(Number(entry.timestampNanos / 1_000_000n)).toISOString()} [${entry.level}] ${message}${meta === undefined ? '' : ` ${JSON.stringify(meta)}`}`;
    write(line, entry.level);
  });
}
