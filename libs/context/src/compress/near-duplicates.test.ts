import { NearDuplicateIndex, shinglesOf } from './near-duplicates.js';
import { figuresOf } from './fact-features.js';
import { wordEntriesOf } from './words.js';

const add = (index: NearDuplicateIndex, sentence: string): number | undefined => index.addOrMatch(shinglesOf(wordEntriesOf(sentence).map((entry) => entry.hash)), figuresOf(sentence));

describe('NearDuplicateIndex', () => {
  it('matches a repeated sentence, one differing in case and punctuation, and one with a word changed at its end', () => {
    const index = new NearDuplicateIndex();
    expect(add(index, 'Physical items can be returned within 30 days of delivery for a full refund to the original payment method.')).toBeUndefined();
    expect(add(index, 'Exchanges are free and can be requested through the Orders page.')).toBeUndefined();
    expect(add(index, 'Physical items can be returned within 30 days of delivery for a full refund to the original payment method.')).toBe(0);
    expect(add(index, 'PHYSICAL items can be returned — within 30 days of delivery — for a full refund to the original payment method!')).toBe(0);
    expect(add(index, 'Physical items can be returned within 30 days of delivery for a full refund to the original payment card.')).toBe(0);
  });

  it('keeps a sentence with a word changed in the middle (3-word shingles: Jaccard 0.7)', () => {
    const index = new NearDuplicateIndex();
    add(index, 'Physical items can be returned within 30 days of delivery for a full refund to the original payment method.');
    expect(add(index, 'Physical items can be returned within 30 days of purchase for a full refund to the original payment method.')).toBeUndefined();
  });

  it('matches the cut-off copy a chunk overlap leaves', () => {
    const index = new NearDuplicateIndex();
    add(index, 'Battery life: up to 38 hours with active noise cancellation on, and up to 52 hours with it off.');
    expect(add(index, 'up to 38 hours with active noise cancellation on, and up to 52 hours with it off.')).toBe(0);
  });

  it('never merges sentences that state different figures', () => {
    const index = new NearDuplicateIndex();
    add(index, 'Digital products can be returned within 14 days of delivery for a full refund to the original payment method.');
    expect(add(index, 'Digital products can be returned within 30 days of delivery for a full refund to the original payment method.')).toBeUndefined();
  });

  it('keeps unrelated sentences apart and grows past its initial size', () => {
    const index = new NearDuplicateIndex(4);
    for (let number = 0; number < 200; number += 1) expect(add(index, `Sentence number ${number} talks about topic ${number * 7} in depth.`)).toBeUndefined();
  });

  it('forgets every sentence on reset, and reads a sentence\'s figures only for a close candidate', () => {
    const index = new NearDuplicateIndex();
    const sentence = 'Digital products can be returned within 14 days of delivery for a full refund.';
    add(index, sentence);
    index.reset(64);
    expect(add(index, sentence)).toBeUndefined();
    const asked: number[] = [];
    const figures = [['14'], ['14'], ['30']];
    const spanIndex = new NearDuplicateIndex(64, (source) => (asked.push(source), figures[source] ?? []));
    const shingles = shinglesOf(wordEntriesOf(sentence).map((entry) => entry.hash));
    const other = shinglesOf(wordEntriesOf('Shipping takes five business days to most addresses.').map((entry) => entry.hash));
    expect(spanIndex.addOrMatchSpan(shingles, 0, shingles.length, 0)).toBeUndefined();
    expect(spanIndex.addOrMatchSpan(other, 0, other.length, 2)).toBeUndefined();
    expect(asked).toEqual([]);
    expect(spanIndex.addOrMatchSpan(shingles, 0, shingles.length, 1)).toBe(0);
    expect(asked.sort()).toEqual([0, 1]);
  });
});
