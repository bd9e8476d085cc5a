import { APPORTIONED_MARGIN, APPORTIONED_SLACK_TOKENS, boundTokens, TokenShares } from './sentence-tokens.js';

describe('TokenShares', () => {
  it('hands out whole tokens in proportion to the estimates that add up to the count exactly', () => {
    const estimates = [10, 3, 7, 1, 9];
    const shares = new TokenShares(47, 30);
    const handed = estimates.map((estimate) => shares.next(estimate));
    expect(handed.every(Number.isInteger)).toBe(true);
    expect(handed.reduce((sum, share) => sum + share, 0)).toBe(47);
    estimates.forEach((estimate, index) => expect(Math.abs((handed[index] ?? 0) - (estimate * 47) / 30)).toBeLessThanOrEqual(1));
  });

  it('hands out nothing when there is nothing to share', () => {
    const shares = new TokenShares(12, 0);
    expect([shares.next(0), shares.next(0)]).toEqual([0, 0]);
  });
});

describe('boundTokens', () => {
  it('adds the margins to the figure but never exceeds the whole chunk', () => {
    expect(boundTokens(100, 1_000)).toBe(Math.ceil(100 * APPORTIONED_MARGIN) + APPORTIONED_SLACK_TOKENS);
    expect(boundTokens(100, 110)).toBe(110);
  });
});
