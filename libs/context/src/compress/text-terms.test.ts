import { prefixOf, termBag, termsOf } from './text-terms.js';

describe('termsOf', () => {
  it('drops stopwords and single letters, keeps numbers, and stems inflections together', () => {
    expect(termsOf('How long is the refund window for returns?')).toEqual(['refund', 'window', 'return']);
    expect(termsOf('refunds')).toEqual(termsOf('refund'));
    expect(termsOf('filing')).toEqual(termsOf('file'));
    expect(termsOf('billed')).toEqual(termsOf('billing'));
    expect(termsOf('Error E-52 on tray 2')).toEqual(['error', '52', 'tray', '2']);
  });

  it('spells out quarter and year shorthand the way documents write it', () => {
    expect(termsOf('Q3 revenue YoY')).toEqual([...termsOf('third quarter revenue'), 'year']);
  });
});

describe('prefixOf and termBag', () => {
  it('gives related words the same five-letter prefix, never figures or short words', () => {
    expect(prefixOf('extension')).toBe(prefixOf('extend'));
    expect(prefixOf('2024')).toBeUndefined();
    expect(prefixOf('fee')).toBeUndefined();
  });

  it('counts terms with their prefixes alongside', () => {
    expect(termBag(['refund', 'refund', 'tax'])).toEqual(new Map([['refund', 2], ['~refun', 2], ['tax', 1]]));
  });
});
