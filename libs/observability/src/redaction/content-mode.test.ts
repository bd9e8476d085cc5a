import { createHash } from 'node:crypto';
import { applyContentMode, hashContent } from './content-mode.js';
import { parseRedactionPolicy } from './redaction-policy.js';
import { createRedactor } from './redactor.js';

const redactor = createRedactor(parseRedactionPolicy({}));
const text = 'Email ana@example.com about the invoice';
const redactedText = 'Email [REDACTED:email] about the invoice';

test('content hashes are sha256 hex with a prefix naming the algorithm', () => {
  expect(hashContent('hello')).toBe('sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  expect(hashContent('héllo')).toBe(`sha256:${createHash('sha256').update(Buffer.from('héllo', 'utf8')).digest('hex')}`);
});

test.each([
  ['full', text],
  ['redacted', redactedText],
  ['hashes', null],
  ['none', null],
] as const)('%s keeps %j, and always the hash of the redacted text and the findings', (mode, content) => {
  expect(applyContentMode(mode, text, redactor)).toEqual({ content, hash: hashContent(redactedText), findings: { email: 1 } });
});

test('two prompts differing only in a secret share a hash', () => {
  const first = applyContentMode('hashes', 'my email is ana@example.com', redactor);
  const second = applyContentMode('hashes', 'my email is bob@example.org', redactor);
  expect(first.hash).toBe(second.hash);
  expect(applyContentMode('hashes', 'my email is unknown', redactor).hash).not.toBe(first.hash);
});
