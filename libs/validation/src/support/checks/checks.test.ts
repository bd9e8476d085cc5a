import { type Claim } from '../../claims/claim.js';
import { scoreClaim } from '../score-claim.js';
import { indexSources } from '../source-index.js';

// Made-up sources, not from the eval set.
const index = indexSources([
  { id: 'warranty', text: 'The warranty covers parts for 2 years but not labour after the first year. Batteries are covered for 6 months.' },
  { id: 'results', text: 'Revenue for 2025 was €4.1 million, up 6% from a year earlier.' },
  { id: 'terms', text: 'This contract is governed by the laws of Germany.' },
]);
const score = (text: string) => scoreClaim({ text, start: 0, end: text.length, citations: [], kind: 'fact' } satisfies Claim, index);

describe('the consistency checks', () => {
  it('a negated claim about what "but not" leaves out says what the source says', () => {
    expect(score('Labour is not covered after the first year').verdict).toBe('supported');
    expect(score('Parts are not covered').reasons.join(' ')).toMatch(/negation/);
  });

  it('"a year earlier" gives the year before', () => {
    expect(score('Revenue rose 6% on 2024').reasons.join(' ')).not.toMatch(/date/);
    expect(score('Revenue rose 6% on 2023').reasons.join(' ')).toMatch(/date 2023/);
  });

  it('a country is named by its adjective too', () => {
    expect(score('The contract falls under German law').reasons.join(' ')).not.toMatch(/entity German/);
    expect(score('The contract falls under French law').reasons.join(' ')).toMatch(/entity French is in no source/);
  });
});
