import { factTokens, normalizeText } from './normalize-text.js';

describe('normalizeText', () => {
  it.each([
    ['€1,250.00 in Thirty days', '1250 eur in 30 days'],
    ['EUR 250', '250 eur'],
    ['$1.2 million', '1200000 usd'],
    ['A hundred and five %', '100 and 5 percent'],
    ['Don’t — can’t [3]', 'do not can not'],
    ['Ninety-nine “quoted” words', '99 quoted words'],
    ['Version 1.2.3, 0.50 and .5', 'version 1.2.3 0.5 and 0.5'],
    ['Open 10am–6pm', 'open 10 am 6 pm'],
  ])('%j → %j', (text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });

  it('keeps long digit strings as written', () => {
    expect(factTokens('Order 12345678901234567890')).toEqual(['order', '12345678901234567890']);
    expect(factTokens('')).toEqual([]);
  });
});
