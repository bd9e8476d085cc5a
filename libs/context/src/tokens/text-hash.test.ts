import { textHash } from './text-hash.js';

describe('textHash', () => {
  it('is stable and tells apart texts that differ in one character or in order', () => {
    expect(textHash('refund within 30 days')).toBe(textHash('refund within 30 days'));
    expect(textHash('refund within 30 days')).not.toBe(textHash('refund within 31 days'));
    expect(textHash('ab')).not.toBe(textHash('ba'));
  });

  it('has no collisions over 20,000 similar short texts', () => {
    const hashes = new Set(Array.from({ length: 20_000 }, (_, index) => textHash(`chunk ${index} of the handbook`)));
    expect(hashes.size).toBe(20_000);
  });
});
