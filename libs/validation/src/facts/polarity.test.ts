import { termsOf } from '../shared/context-terms.js';
import { negationCount, oppositesOf } from './polarity.js';

describe('negationCount', () => {
  it('counts negating words, contractions and words that negate by themselves', () => {
    expect(negationCount('Final-sale items cannot be returned.')).toBe(1);
    expect(negationCount("Refunds aren't available.")).toBe(1);
    expect(negationCount('The fee is waived for students.')).toBe(1);
    expect(negationCount('Refunds are available.')).toBe(0);
  });

  it('leaves out negations inside a condition, a contrast, "not only" and "without" before a gerund', () => {
    expect(negationCount("If it has not been used for 14 days, prime it again.")).toBe(0);
    expect(negationCount('The audit track gives you the videos but not the graded work.')).toBe(0);
    expect(negationCount('Not only cats but dogs are welcome.')).toBe(0);
    expect(negationCount('You may work 10 days without ending your leave.')).toBe(0);
    expect(negationCount('You may leave without notice.')).toBe(1);
  });
});

describe('oppositesOf', () => {
  it('finds a claim word whose opposite the source uses instead', () => {
    const claim = new Set(termsOf('The add-on is optional'));
    expect(oppositesOf(claim, new Set(termsOf('The add-on is required')))).toHaveLength(1);
    expect(oppositesOf(claim, new Set(termsOf('The add-on is optional, not required')))).toHaveLength(0);
  });
});
