import { FNV_OFFSET, FNV_PRIME } from '../shared/fnv1a.js';
import { lowerAscii, Vocabulary } from './vocabulary.js';

const hashOf = (word: string): number => [...word].reduce((hash, character) => Math.imul(hash ^ lowerAscii(character.charCodeAt(0)), FNV_PRIME), FNV_OFFSET);
const entryOf = (vocabulary: Vocabulary, word: string) => vocabulary.entry(word, 0, word.length, hashOf(word));

describe('Vocabulary', () => {
  it('works a word out once, whatever its case, with its terms, bag keys and fact signs', () => {
    const vocabulary = new Vocabulary();
    const refunds = entryOf(vocabulary, 'Refunds');
    expect(refunds).toMatchObject({ word: 'refunds', terms: ['refund'], keys: ['refund', '~refun'], hash: hashOf('refunds') });
    expect(entryOf(vocabulary, 'REFUNDS')).toBe(refunds);
    expect(entryOf(vocabulary, 'the')).toMatchObject({ terms: [], keys: [] });
    expect(entryOf(vocabulary, 'monday').signs).not.toBe(0);
    expect(vocabulary.entry('see the refunds page', 8, 15, hashOf('refunds'))).toBe(refunds);
  });

  it('tells apart different words whose hashes collide', () => {
    const vocabulary = new Vocabulary();
    const refund = vocabulary.entry('refund', 0, 6, 42);
    const rebate = vocabulary.entry('rebate', 0, 6, 42);
    expect(rebate.word).toBe('rebate');
    expect(vocabulary.entry('refund', 0, 6, 42)).toBe(refund);
  });

  it('grows as words come and starts over when full', () => {
    const vocabulary = new Vocabulary(3_000);
    const first = entryOf(vocabulary, 'word0');
    for (let index = 1; index < 3_000; index += 1) entryOf(vocabulary, `word${index}`);
    expect(entryOf(vocabulary, 'word0')).toBe(first);
    entryOf(vocabulary, 'overflow');
    const again = entryOf(vocabulary, 'word0');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
    expect(() => new Vocabulary(0)).toThrow(RangeError);
  });
});
