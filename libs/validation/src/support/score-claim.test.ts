import { type Claim } from '../claims/claim.js';
import { SUPPORT_SOURCES } from '../testing/support-sources.js';
import { scoreClaim } from './score-claim.js';
import { indexSources } from './source-index.js';

const index = indexSources(SUPPORT_SOURCES);
const fact = (text: string): Claim => ({ text, start: 0, end: text.length, citations: [], kind: 'fact' });
const score = (text: string, kind: Claim['kind'] = 'fact') => scoreClaim({ ...fact(text), kind }, index);

describe('scoreClaim', () => {
  it('supports restatements and paraphrases, naming the source sentence', () => {
    for (const text of ['Express shipping costs $15', 'Express shipping arrives in two days', 'Refunds go back to your original payment method within five business days', 'You can return unused items within a month of delivery']) {
      const result = score(text);
      expect({ text, verdict: result.verdict }).toEqual({ text, verdict: 'supported' });
    }
    expect(score('Express shipping costs $15').source).toEqual({ id: 'shipping', sentence: 'Express shipping costs $15 and arrives in 2 days.' });
  });

  it('catches a changed number, even one borrowed from the other case', () => {
    expect(score('Express shipping costs $25').reasons).toContain("number $25 differs from source's $15");
    expect(score('You can return unused items within 60 days of delivery').reasons).toContain("number 60 days differs from source's 30 days");
    const borrowed = score('Express shipping takes 5 days');
    expect(borrowed.verdict).toBe('unsupported');
  });

  it('catches a wrong unit, rate included', () => {
    expect(score('You can return unused items within 30 weeks of delivery').reasons).toContain("unit of 30 weeks differs from source's 30 days");
    expect(score('The Pro plan costs $12 per user per year').reasons).toContain("unit of $12 per user per year differs from source's $12 per user per month");
    expect(score('The Pro plan costs $12 per user per month').verdict).toBe('supported');
  });

  it('catches a wrong date or day, formats normalised', () => {
    expect(score('The annual report is published on Jan 5, 2025').verdict).toBe('supported');
    expect(score('The annual report is published on 2025-01-06').reasons).toContain("date 2025-01-06 (2025-01-06) differs from source's 5 January 2025 (2025-01-05)");
    expect(score('Support is available on Saturday').reasons).toContain("day Saturday is not among the source's Monday, Tuesday, Wednesday, Thursday, Friday");
  });

  it('catches a swapped or invented name', () => {
    expect(score('The Pro plan includes SSO').verdict).toBe('unsupported');
    expect(score('The Business plan includes SSO').verdict).toBe('supported');
    const invented = score('The Enterprise plan includes a dedicated account manager');
    expect(invented.verdict).toBe('unsupported');
    expect(invented.reasons).toContain('entity Enterprise is in no source');
  });

  it('catches a flipped negation and a turned-around condition', () => {
    expect(score('Final-sale items can be returned').reasons.some((reason) => reason.startsWith('negation:'))).toBe(true);
    expect(score('Final-sale items cannot be returned').verdict).toBe('supported');
    expect(score('Orders under $50 ship free').reasons).toContain('condition "under $50" contradicts the source\'s "over $50"');
    expect(score('Orders over $50 ship free').verdict).toBe('supported');
  });

  it('scores a refusal by whether the sources cover what it says is missing', () => {
    expect(score('The sources do not mention international shipping to Japan', 'refusal').verdict).toBe('supported');
    const falseSilence = score('The sources do not say how much Express shipping costs', 'refusal');
    expect(falseSilence.verdict).toBe('unsupported');
    expect(falseSilence.source?.id).toBe('shipping');
  });

  it('keeps the score within 0..1 and the verdict in step with it', () => {
    for (const text of ['Express shipping costs $25', 'Refunds are issued within 5 business days', 'Gift wrapping is available']) {
      const result = score(text);
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(1);
      expect(result.supported).toBe(result.verdict === 'supported');
    }
  });

  it('lets an injected similarity lift a paraphrase the words miss, never lower the overlap', () => {
    const paraphrase = fact('Your money comes back to the card you paid with');
    const without = scoreClaim(paraphrase, index);
    const lifted = scoreClaim(paraphrase, index, (_claim, sentence) => (sentence.startsWith('Refunds are issued') ? 0.95 : 0));
    expect(lifted.score).toBeGreaterThan(without.score);
    expect(scoreClaim(fact('Express shipping costs $15'), index, () => 0).verdict).toBe('supported');
  });
});

describe('scoreClaim on parties and worked-out figures', () => {
  const lettings = indexSources([
    { id: 'notice', text: 'Tenants must give at least one month of notice. Landlords must give at least two months of notice.' },
    { id: 'rent', text: 'The rent is £1,400 per month. A late fee of 3% applies after 14 days.' },
  ]);
  const claim = (text: string) => scoreClaim({ text, start: 0, end: text.length, citations: [], kind: 'fact' }, lettings);

  it('catches a lower-case party swapped for another', () => {
    expect(claim('Tenants must give at least two months of notice').verdict).toBe('unsupported');
    expect(claim('Landlords must give at least two months of notice').verdict).toBe('supported');
  });

  it('takes a figure worked out from the sources as a weak doubt, not a contradiction', () => {
    const yearly = claim('The rent comes to £16,800 a year');
    expect(yearly.reasons).toContain("number £16,800 a year is not stated; it follows from the source's figures (£1,400 per month × 12)");
    expect(yearly.verdict).not.toBe('unsupported');
    expect(claim('The rent comes to £17,400 a year').verdict).toBe('unsupported');
  });
});
