import { matchFacts } from '../match-facts.js';
import { type AssertionOf } from '../suite-schema.js';
import { quoteList, type Outcome } from './assertion-result.js';

type FactAssertion = AssertionOf<'contains-all'> | AssertionOf<'contains-any'> | AssertionOf<'not-contains'>;

/** `contains-all`, `contains-any`, `not-contains`: facts matched with `containsFact` (normalised, whole words). */
export function checkFacts(assertion: FactAssertion, answer: string): Outcome {
  const { matched, missing } = matchFacts(answer, assertion.value);
  switch (assertion.type) {
    case 'contains-all':
      return missing.length === 0
        ? { status: 'pass', expected: `all of ${quoteList(assertion.value)}`, actual: 'all found', reason: `states ${quoteList(matched)}` }
        : { status: 'fail', expected: `all of ${quoteList(assertion.value)}`, actual: `missing ${quoteList(missing)}`, reason: `missing ${quoteList(missing)}` };
    case 'contains-any':
      return matched.length > 0
        ? { status: 'pass', expected: `any of ${quoteList(assertion.value)}`, actual: `found ${quoteList(matched)}`, reason: `states ${quoteList(matched)}` }
        : { status: 'fail', expected: `any of ${quoteList(assertion.value)}`, actual: 'none found', reason: `states none of ${quoteList(assertion.value)}` };
    case 'not-contains':
      return matched.length === 0
        ? { status: 'pass', expected: `none of ${quoteList(assertion.value)}`, actual: 'none found', reason: `does not state ${quoteList(assertion.value)}` }
        : { status: 'fail', expected: `none of ${quoteList(assertion.value)}`, actual: `found ${quoteList(matched)}`, reason: `states ${quoteList(matched)}` };
  }
}
