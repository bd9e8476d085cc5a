import { extractClaims } from './extract-claims.js';

const texts = (answer: string): string[] => extractClaims(answer).map((claim) => claim.text);

describe('extractClaims', () => {
  it('splits compound sentences where both halves are statements, not lists', () => {
    expect(texts('X costs $5 and ships in 2 days.')).toEqual(['X costs $5', 'Ships in 2 days.']);
    expect(texts('Cats and dogs are allowed.')).toEqual(['Cats and dogs are allowed.']);
    expect(texts('The plan includes SSO and audit logs.')).toEqual(['The plan includes SSO and audit logs.']);
    expect(texts('Refunds take 5 days; exchanges are free.')).toEqual(['Refunds take 5 days', 'Exchanges are free.']);
    expect(texts('If you cancel within 30 days and the item is unused, you get a refund.')).toEqual(['If you cancel within 30 days and the item is unused, you get a refund.']);
  });

  it('moves citation markers into the claims, a trailing marker citing every part without its own', () => {
    const claims = extractClaims('X costs $5 [1] and ships in 2 days [2]. Gift cards are free and arrive by email [3].');
    expect(claims.map((claim) => [claim.text, claim.citations])).toEqual([
      ['X costs $5', [1]],
      ['Ships in 2 days.', [2]],
      ['Gift cards are free', [3]],
      ['Arrive by email.', [3]],
    ]);
    expect(extractClaims('Refunds take 5 days.[1][2] Shipping is free [1, 3].').map((claim) => claim.citations)).toEqual([[1, 2], [1, 3]]);
  });

  it('gives each claim its span in the answer', () => {
    const answer = 'Sure! Refunds take 5 days [1].';
    const [claim] = extractClaims(answer);
    expect(claim).toBeDefined();
    expect(answer.slice(claim?.start, claim?.end)).toBe('Refunds take 5 days [1].');
  });

  it('leaves out questions, pleasantries and headings, and keeps refusals as their own kind', () => {
    const claims = extractClaims(
      'Here is what I found:\n- Returns are free within 30 days [1].\nWould you like the label? I hope this helps! Let me know if you have other questions. ' +
        'The sources do not mention international returns.',
    );
    expect(claims.map((claim) => [claim.text, claim.kind])).toEqual([
      ['Returns are free within 30 days.', 'fact'],
      ['The sources do not mention international returns.', 'refusal'],
    ]);
  });

  it('drops attributions and answer words in front of a statement', () => {
    expect(texts('According to the documentation, the warranty lasts 2 years.')).toEqual(['The warranty lasts 2 years.']);
    expect(texts('Yes, **the Pro plan** costs $12 per month.')).toEqual(['The Pro plan costs $12 per month.']);
  });
});
