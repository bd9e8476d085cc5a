import { parseRedactionPolicy, redactionPolicySchema } from './redaction-policy.js';

test('an empty block redacts secrets and the default PII, and stores redacted content', () => {
  expect(parseRedactionPolicy({})).toEqual({
    secrets: true,
    pii: ['email', 'phone', 'credit-card', 'ssn', 'iban'],
    patterns: [],
    contentMode: 'redacted',
    tenants: {},
  });
  expect(parseRedactionPolicy(undefined).contentMode).toBe('redacted');
});

test('tenants, patterns and PII kinds can be set', () => {
  const policy = parseRedactionPolicy({
    pii: ['ip-address'],
    patterns: [{ name: 'employee-id', regex: 'EMP-\\d{6}', flags: 'i' }],
    contentMode: 'hashes',
    tenants: { acme: { contentMode: 'full' } },
  });
  expect(policy).toMatchObject({ pii: ['ip-address'], contentMode: 'hashes', tenants: { acme: { contentMode: 'full' } } });
  expect(policy.patterns).toEqual([{ name: 'employee-id', regex: 'EMP-\\d{6}', flags: 'i' }]);
});

test.each([
  [{ patterns: [{ name: 'ticket', regex: 'TICKET-(\\d+' }] }, "pattern 'ticket' does not compile: Invalid regular expression"],
  [{ patterns: [{ name: 'anything', regex: 'x*' }] }, "pattern 'anything' matches the empty string"],
  [{ patterns: [{ name: 'Employee ID', regex: 'EMP-\\d+' }] }, 'pattern names are lowercase letters, digits and dashes'],
  [{ patterns: [{ name: 'sticky', regex: 'a', flags: 'y' }] }, 'flags may only be d, g, i, m, s, u or v'],
  [{ patterns: [{ name: 'email', regex: '@corp' }] }, "pattern name 'email' is taken by a built-in detector"],
  [{ patterns: [{ name: 'dup', regex: 'a' }, { name: 'dup', regex: 'b' }] }, "pattern name 'dup' is used twice"],
  [{ pii: ['passport'] }, 'pii'],
  [{ contentMode: 'partial' }, 'contentMode'],
  [{ tenants: { acme: { contentMode: 'everything' } } }, 'tenants.acme.contentMode'],
  [{ secret: true }, 'secret'],
])('a bad block is refused with a readable message: %j', (input, message) => {
  expect(() => parseRedactionPolicy(input)).toThrow(message);
});

test('schema issues point at the bad field for the config loader', () => {
  const result = redactionPolicySchema.safeParse({ patterns: [{ name: 'ok', regex: '(' }] });
  expect(result.error?.issues.map((issue) => issue.path)).toEqual([['patterns', 0, 'regex']]);
});
