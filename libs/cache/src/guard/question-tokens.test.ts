import { stemWord, tokenizeQuestion } from './question-tokens.js';

test('contractions become words, so negations are visible', () => {
  expect(tokenizeQuestion("Why wasn't I charged? I can't log in").map((token) => token.lower)).toEqual(['why', 'was', 'not', 'i', 'charged', 'i', 'can', 'not', 'log', 'in']);
  expect(tokenizeQuestion('What’s the bank’s fee?').map((token) => token.lower)).toEqual(['what', 'the', 'bank', 'fee']);
});

test('numbers, e-mail addresses and code-like tokens stay whole', () => {
  const tokens = tokenizeQuestion('Send $1,500.00 to alice@example.com for ERR_CONN_RESET on v2.1 and the 401(k), order 48213.');
  expect(tokens.map((token) => token.text)).toEqual(['Send', '$1,500.00', 'to', 'alice@example.com', 'for', 'ERR_CONN_RESET', 'on', 'v2.1', 'and', 'the', '401k', 'order', '48213']);
});

test('sentence starts are marked, so a capital there is not taken for a name', () => {
  const tokens = tokenizeQuestion('Is it open? Where is Lisbon, Portugal');
  expect(tokens.filter((token) => token.sentenceStart).map((token) => token.text)).toEqual(['Is', 'Where', 'Portugal']);
});

test('the stemmer makes word forms of one word agree', () => {
  const same = (...words: string[]) => expect(new Set(words.map(stemWord)).size).toBe(1);
  same('cancel', 'cancelled', 'canceled', 'cancelling', 'cancels');
  same('charge', 'charged', 'charges', 'charging');
  same('ship', 'shipping', 'shipped', 'ships');
  same('policy', 'policies');
  same('apply', 'applied', 'applies');
  same('bill', 'billing', 'billed');
  same('cancel', 'cancellation');
  same('pay', 'payment', 'payments');
  same('withdraw', 'withdrawal');
  same('reserve', 'reservation');
  expect(stemWord('international')).not.toBe(stemWord('internal'));
  expect(stemWord('order')).not.toBe(stemWord('subscription'));
  expect(stemWord('bring')).toBe('bring');
  expect(stemWord('status')).toBe('status');
});
