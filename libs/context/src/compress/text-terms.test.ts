import { prefixOf, termKeys } from './text-terms.js';
import { termsOf } from './words.js';

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

describe('prefixOf and termKeys', () => {
  it('gives related words the same five-letter prefix, never figures or short words', () => {
    expect(prefixOf('extension')).toBe(prefixOf('extend'));
    expect(prefixOf('2024')).toBeUndefined();
    expect(prefixOf('fee')).toBeUndefined();
  });

  it('lists each term with its prefix after it', () => {
    expect(termKeys(['refund', 'refund', 'tax'])).toEqual(['refund', '~refun', 'refund', '~refun', 'tax']);
  });
});
