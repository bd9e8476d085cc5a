import { redactDeep } from './redact-deep.js';
import { parseRedactionPolicy } from './redaction-policy.js';
import { createRedactor } from './redactor.js';

const redactor = createRedactor(parseRedactionPolicy({}));

test('every string of a messages array is redacted, the shape kept', () => {
  const messages = [
    { role: 'system', content: 'You help ana@example.com.' },
    { role: 'user', content: [{ type: 'text', text: 'Card 4111 1111 1111 1111' }], max_tokens: 100, tokenCount: 12 },
  ];
  expect(redactDeep(messages, redactor)).toEqual({
    value: [
      { role: 'system', content: 'You help [REDACTED:email].' },
      { role: 'user', content: [{ type: 'text', text: 'Card [REDACTED:credit-card]' }], max_tokens: 100, tokenCount: 12 },
    ],
    findings: { email: 1, 'credit-card': 1 },
  });
});

test('fields named like secrets are blanked whatever their value looks like', () => {
  const headers = { authorization: 'Basic dXNlcjpwYXNz', 'x-api-key': 'abc', apiKey: 42, db_password: 'p', accessToken: '', cookie: 'sid=1' };
  expect(redactDeep(headers, redactor)).toEqual({
    value: {
      authorization: '[REDACTED:sensitive-field]',
      'x-api-key': '[REDACTED:sensitive-field]',
      apiKey: '[REDACTED:sensitive-field]',
      db_password: '[REDACTED:sensitive-field]',
      accessToken: '',
      cookie: '[REDACTED:sensitive-field]',
    },
    findings: { 'sensitive-field': 5 },
  });
});

test('without secret redaction, secret-named fields keep their values', () => {
  const lenient = createRedactor(parseRedactionPolicy({ secrets: false }));
  expect(redactDeep({ token: 'abc' }, lenient)).toEqual({ value: { token: 'abc' }, findings: {} });
});

test('errors keep name, message, their own facts and cause, but not the stack', () => {
  class QuotaError extends Error {
    readonly tenant = 'acme';
    constructor(message: string, cause?: unknown) {
      super(message, { cause });
      this.name = 'QuotaError';
    }
  }
  const error = new QuotaError('quota for ana@example.com exceeded', new Error('upstream said sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z is invalid'));
  expect(redactDeep({ error }, redactor).value).toEqual({
    error: {
      name: 'QuotaError',
      message: 'quota for [REDACTED:email] exceeded',
      tenant: 'acme',
      cause: { name: 'Error', message: 'upstream said [REDACTED:openai-key] is invalid' },
    },
  });
});

test('dates, bigints, functions, undefined and cycles become what JSON would log', () => {
  const node: Record<string, unknown> = { at: new Date('2024-02-08T10:00:00Z'), big: 10n, fn: () => 1, gone: undefined, list: [undefined, 1] };
  node['self'] = node;
  expect(redactDeep(node, redactor).value).toEqual({ at: '2024-02-08T10:00:00.000Z', big: '10', list: [null, 1], self: '[Circular]' });
});

test('a shared object seen twice is not a cycle', () => {
  const shared = { note: 'x' };
  expect(redactDeep({ a: shared, b: shared }, redactor).value).toEqual({ a: { note: 'x' }, b: { note: 'x' } });
});
