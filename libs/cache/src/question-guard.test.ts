import { guardQuestions } from './question-guard.js';
import { profileQuestion } from './guard/question-profile.js';

// Pairs written for these tests, not taken from the labelled fixture the benchmark scores.
test.each([
  ['How do I delete my account?', 'What is the way to remove my account?'],
  ['How do I reset my password?', 'How can I reset my password?'],
  ['Can I pay by bank transfer?', 'Is it possible to pay by bank transfer?'],
  ['Where can I view my invoices?', 'Where do I find my invoices?'],
  ['Do you ship to Norway?', 'Is shipping to Norway available?'],
  ['How much is the Team plan per year?', 'What is the annual price of the Team plan?'],
  ['How do I turn on dark mode?', 'How can I enable dark mode?'],
])('paraphrases pass: %s / %s', (a, b) => {
  expect(guardQuestions(a, b)).toEqual({ accepted: true });
});

test.each([
  ['Where is order 10234?', 'Where is order 10243?', 'number'],
  ['Can I get five licences?', 'Can I get six licences?', 'number'],
  ['Is VAT included in the price?', 'Is VAT not included in the price?', 'negation'],
  ['Can I travel without a visa?', 'Can I travel with a visa?', 'negation'],
  ['Do you deliver to Oslo?', 'Do you deliver to Bergen?', 'entity'],
  ['How do I reset my password?', 'How do I reset my Jira password?', 'entity'],
  ['What does error E_PERM mean?', 'What does error E_PERMS mean?', 'entity'],
  ['Why was my refund denied?', 'How do I request a refund?', 'intent'],
  ['Can I cancel before the renewal?', 'Can I cancel after the renewal?', 'polarity'],
  ['Was I billed last month?', 'Was I billed this month?', 'polarity'],
  ['Convert my balance from dollars to euros', 'Convert my balance from euros to dollars', 'direction'],
  ['How do I cancel my order?', 'How do I cancel my subscription?', 'content-substitution'],
  ['How do I log in?', 'How do I log out?', 'content-substitution'],
  ['How do I view the audit log?', 'How do I delete the audit log?', 'content-substitution'],
  ['How do I export my data?', 'How do I export my data to a spreadsheet file?', 'content-extra'],
])('near-misses are refused: %s / %s (%s)', (a, b, reason) => {
  const verdict = guardQuestions(a, b);
  expect(verdict).toEqual({ accepted: false, reason, detail: expect.any(String) });
});

test('one extra content word is tolerated by default; zero can be asked for', () => {
  const a = 'How do I change my PIN?';
  const b = 'How can I change the PIN of my card?';
  expect(guardQuestions(a, b).accepted).toBe(true);
  expect(guardQuestions(a, b, { maxExtraContentWords: 0 })).toEqual({ accepted: false, reason: 'content-extra', detail: 'only one question has [card]' });
});

test('the rejection says what differed', () => {
  expect(guardQuestions('Is shipping free over $50?', 'Is shipping free over $100?')).toEqual({ accepted: false, reason: 'number', detail: 'numbers [50] vs [100]' });
});

test('stored profiles give the same verdict as texts', () => {
  const cached = profileQuestion('How do I cancel my order?');
  expect(guardQuestions(cached, 'How do I cancel my subscription?')).toEqual(guardQuestions('How do I cancel my order?', 'How do I cancel my subscription?'));
  expect(guardQuestions(cached, 'How can I cancel my order?').accepted).toBe(true);
});
