import { parseRedactionPolicy, type RedactionPolicyInput } from './redaction-policy.js';
import { createRedactor } from './redactor.js';

const redactorFor = (policy: RedactionPolicyInput = {}) => createRedactor(parseRedactionPolicy(policy));

test('secrets and default PII are replaced and counted by name', () => {
  const result = redactorFor().redact(
    'Hi, I am ana@example.com (+1 415 555 2671). My key is sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z, card 4111 1111 1111 1111, and bob@example.org is cc.',
  );
  expect(result.text).toBe(
    'Hi, I am [REDACTED:email] ([REDACTED:phone]). My key is [REDACTED:openai-key], card [REDACTED:credit-card], and [REDACTED:email] is cc.',
  );
  expect(result.findings).toEqual({ email: 2, phone: 1, 'openai-key': 1, 'credit-card': 1 });
});

test('text with nothing sensitive comes back unchanged with no findings', () => {
  const text = 'The total is $1,299.00 on 2024-02-08 for order 123456789; max_tokens=100. Server 10.0.0.1 answered.';
  expect(redactorFor().redact(text)).toEqual({ text, findings: {} });
});

test('a secret is counted once, under its most specific name', () => {
  const result = redactorFor().redact('Authorization: Bearer sk-ant-api03-Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe');
  expect(result).toEqual({ text: 'Authorization: Bearer [REDACTED:anthropic-key]', findings: { 'anthropic-key': 1 } });
});

test('secrets: false and an empty pii list switch the built-in detectors off', () => {
  const text = 'key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z for ana@example.com';
  expect(redactorFor({ secrets: false }).redact(text).text).toBe('key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z for [REDACTED:email]');
  expect(redactorFor({ pii: [] }).redact(text).text).toBe('key [REDACTED:openai-key] for ana@example.com');
});

test('IP addresses are redacted only when listed', () => {
  expect(redactorFor({ pii: ['ip-address'] }).redact('from 10.0.0.1').text).toBe('from [REDACTED:ip-address]');
});

test('custom patterns run after the built-ins, with their flags', () => {
  const redactor = redactorFor({ patterns: [{ name: 'employee-id', regex: 'emp-\\d{6}', flags: 'i' }] });
  expect(redactor.redact('EMP-123456 and emp-654321, not EMP-12').findings).toEqual({ 'employee-id': 2 });
  expect(redactor.redact('EMP-123456').text).toBe('[REDACTED:employee-id]');
});

test('the content mode of a tenant is its override, else the policy default', () => {
  const redactor = redactorFor({ contentMode: 'hashes', tenants: { acme: { contentMode: 'full' } } });
  expect(redactor.contentModeFor('acme')).toBe('full');
  expect(redactor.contentModeFor('initech')).toBe('hashes');
  expect(redactor.contentModeFor('constructor')).toBe('hashes');
});
