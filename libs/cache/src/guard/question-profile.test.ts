import { profileQuestion } from './question-profile.js';

test('numbers in digits, words, money and ids come out canonical', () => {
  expect(profileQuestion('Refund $1,500.00 or two hundred dollars for order 48213?').numbers).toEqual(['1500', '200', '48213']);
  expect(profileQuestion('Is there a 14-day trial for version 2.1?').numbers).toEqual(['14', '2.1']);
  expect(profileQuestion('Does my 401(k) match the 3rd payment?').numbers).toEqual(['3', '401']);
  expect(profileQuestion('I lost my card, how do I get a new one?').numbers).toEqual([]);
  expect(profileQuestion('Can I add one seat?').numbers).toEqual(['1']);
});

test('"$50" and "50 dollars" agree, "€50" does not', () => {
  expect(profileQuestion('Is shipping free over $50?').content).toEqual(profileQuestion('Is shipping free over 50 dollars?').content);
  expect(profileQuestion('Is shipping free over €50?').content).not.toEqual(profileQuestion('Is shipping free over $50?').content);
});

test('negations are counted wherever they hide', () => {
  expect(profileQuestion("Why wasn't I refunded without a receipt?").negations).toBe(2);
  expect(profileQuestion('I cannot log in and never got the email').negations).toBe(2);
  expect(profileQuestion('How do I log in?').negations).toBe(0);
});

test('names, acronyms, camelCase and code-like tokens are entities; a capital opening a sentence is not', () => {
  const profile = profileQuestion('Does Slack work with the API on iPhone for user bob@example.com and ERR_TIMEOUT?');
  expect(profile.entities).toEqual(expect.arrayContaining(['slack', 'api', 'iphon', 'bob@example.com', 'err_timeout']));
  expect(profile.entities).not.toContain('do');
});

test('question intent is read from question words, not from "when" inside a clause', () => {
  expect(profileQuestion('Why was my order cancelled?').intents).toEqual(['reason']);
  expect(profileQuestion('What is causing the build to fail?').intents).toEqual(['reason']);
  expect(profileQuestion('How long does shipping take?').intents).toEqual(['time']);
  expect(profileQuestion('How many days does shipping take?').intents).toEqual(['time']);
  expect(profileQuestion('How much is the Pro plan?').intents).toEqual(['quantity']);
  expect(profileQuestion('What happens when my trial ends?').intents).toEqual([]);
});

test('order and time words are kept, phrasal verbs and periods become one token', () => {
  expect(profileQuestion('Was I charged last month or this month?').polarity).toEqual(['last-monthly', 'this-monthly']);
  expect(profileQuestion('How do I log in?').content).toEqual(['login']);
  expect(profileQuestion('How do I log out?').content).toEqual(['logout']);
  expect(profileQuestion('How many days off per year?').content).toEqual(profileQuestion('How many days off each year?').content);
  expect(profileQuestion('Can I check in online?').content).toEqual(profileQuestion('Is online check-in possible?').content);
});

test('objects of from / to are recorded, numbers included', () => {
  expect(profileQuestion('Move $500 from checking to savings').roles).toEqual(['from:check', 'to:sav']);
  expect(profileQuestion('Upgrade Postgres from 14 to 16').roles).toEqual(['from:14', 'to:16']);
});
