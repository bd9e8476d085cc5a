import { extractionCoverage } from './extraction-coverage.js';
import { type ValidationEvalItem } from './validation-eval-set.js';

const item = (answer: string, claims: string[]): ValidationEvalItem => ({
  id: 'x', split: 'tune', domain: 'd', question: 'q?', sources: [{ id: 's1', title: 't', text: 'text' }], answer, claims: claims.map((text) => ({ text, supported: true, source: 's1', error: null })),
});

describe('extractionCoverage', () => {
  it('matches a labelled claim when an extracted one shares 80% of the longer one\'s words', () => {
    const coverage = extractionCoverage([item('X costs $5 and ships in 2 days [1]. Cats and dogs are allowed.', ['X costs $5', 'ships in 2 days', 'Cats and dogs are allowed'])]);
    expect(coverage).toMatchObject({ labelled: 3, covered: 3, share: 1, extracted: 3, matchedExtracted: 3 });
  });

  it('does not count a claim merged into a longer one as found, only as contained', () => {
    const coverage = extractionCoverage([item('The plan includes SSO, audit logs, a status page, priority support and two seats.', ['The plan includes SSO', 'two seats'])]);
    expect(coverage.covered).toBe(0);
    expect(coverage.contained).toBe(2);
    expect(coverage.missed.map((missed) => missed.text)).toEqual(['The plan includes SSO', 'two seats']);
  });
});
