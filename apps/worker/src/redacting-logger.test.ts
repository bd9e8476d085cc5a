import { parseRedactionPolicy } from '#libs/observability';
import { redactingLogger } from './redacting-logger.js';

test('worker logs are redacted before they are written', () => {
  const lines: string[] = [];
  const logger = redactingLogger(parseRedactionPolicy({}), { write: (line) => lines.push(line) });
  logger.warn('target failed: provider echoed jane.doe@example.com', { message: 'key sk-proj-abcdefghijklmnopqrstuvwx1234 rejected', apiKey: 'plain-secret' });
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('[REDACTED:email]');
  expect(lines[0]).not.toContain('jane.doe@example.com');
  expect(lines[0]).not.toContain('sk-proj-abcdefghijklmnopqrstuvwx1234');
  expect(lines[0]).not.toContain('plain-secret');
});
