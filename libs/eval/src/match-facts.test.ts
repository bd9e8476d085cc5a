import { containsFact, matchFacts } from './match-facts.js';

/** [answer, fact, expected]: the correct phrasing must match, the wrong one must not. */
const CASES: ReadonlyArray<readonly [string, string, boolean]> = [
  // Case, whitespace, punctuation, markup, citation markers.
  ['Returns are accepted within 30 days [1].', '30 days', true],
  ['RETURNS ARE ACCEPTED WITHIN 30   DAYS.', '30 days', true],
  ['You need the **original receipt**.', 'original receipt', true],
  ['Within 30 days[2], with a receipt.', '30 days, with a receipt', true],
  ['Bring your receipt.', 'receipt!', true],
  // Word boundaries.
  ['Returns are accepted within 130 days.', '30 days', false],
  ['Returns are accepted within 30 days.', '130 days', false],
  ['The fee is 2500 EUR.', '250 EUR', false],
  ['Call extension 1200 or 12000.', '120', false],
  ['Mail the receipts to us.', 'receipt', true],
  ['A receipt is required.', 'receipts', true],
  ['The policies changed.', 'policy', true],
  ['Prescription required.', 'receipt', false],
  // Unicode quotes and dashes, accents.
  ['The “Premium” plan costs more.', '"premium" plan', true],
  ['It’s the customer’s choice.', "customer's choice", true],
  ['Open Monday–Friday.', 'Monday-Friday', true],
  ['Open Monday — Friday.', 'monday friday', true],
  ['Le café ferme à 18h.', 'cafe', true],
  // Thousands separators and decimals.
  ['The limit is 1,200 requests per minute.', '1200 requests', true],
  ['The limit is 1200 requests per minute.', '1,200 requests', true],
  ['Revenue was 1,234,567 dollars.', '1234567', true],
  ['The limit is 1,200 requests per minute.', '1,300 requests', false],
  ['It costs 12.50 USD.', '$12.5', true],
  ['It costs 12.05 USD.', '$12.5', false],
  ['Version 1.2.3 fixed it.', '1.2.3', true],
  ['Version 1.2.4 fixed it.', '1.2.3', false],
  // Number words.
  ['You have thirty days to return it.', '30 days', true],
  ['You have 30 days to return it.', 'thirty days', true],
  ['Twenty-five employees signed.', '25 employees', true],
  ['Twenty five employees signed.', '25 employees', true],
  ['It takes a hundred days.', '100 days', true],
  ['It takes one hundred days.', '100 days', true],
  ['It takes thirteen days.', '30 days', false],
  ['You have thirty-one days.', '30 days', false],
  ['Two hundred people came.', '200 people', true],
  ['Revenue reached 1.2 million euros.', '€1,200,000', true],
  ['Revenue reached €1.2 million.', '1.2 million EUR', true],
  // Currency symbols, codes and names.
  ['The deposit is €250.', '250 EUR', true],
  ['The deposit is €250.', 'EUR 250', true],
  ['The deposit is 250 EUR.', '€250', true],
  ['The deposit is EUR 250.', '250 euros', true],
  ['The deposit is 250 €.', '€250', true],
  ['The deposit is $250.', '250 EUR', false],
  ['The deposit is €250.', '$250', false],
  ['The deposit is €250.', '250', true],
  ['It costs £15 a month.', '15 GBP', true],
  ['Budget: $5k.', '5000 USD', true],
  // Percent.
  ['A 15% discount applies.', '15 percent', true],
  ['A 15 percent discount applies.', '15%', true],
  ['A fifteen per cent discount applies.', '15%', true],
  ['A 1.5% fee applies.', '15%', false],
  ['A 15% discount applies.', '5%', false],
  // Contractions and negation.
  ["Items don't qualify after use.", 'do not qualify', true],
  ['Items do not qualify after use.', "don't qualify", true],
  ["You can't return opened software.", 'cannot return', true],
  ['You can return opened software.', 'cannot return', false],
];

describe('containsFact', () => {
  it.each(CASES)('%j contains %j: %s', (answer, fact, expected) => {
    expect(containsFact(answer, fact)).toBe(expected);
  });

  it('looks for a punctuation-only fact as a plain substring', () => {
    expect(containsFact('Use the -> arrow', '->')).toBe(true);
    expect(containsFact('Use the arrow', '->')).toBe(false);
    expect(containsFact('Anything', '  ')).toBe(false);
  });
});

describe('matchFacts', () => {
  it('splits facts into matched and missing, in order', () => {
    expect(matchFacts('Returns within thirty days with a receipt.', ['30 days', 'receipt', 'store credit'])).toEqual({ matched: ['30 days', 'receipt'], missing: ['store credit'] });
    expect(matchFacts('', ['x'])).toEqual({ matched: [], missing: ['x'] });
  });
});
