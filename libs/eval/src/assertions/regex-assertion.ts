import { type AssertionOf } from '../suite-schema.js';
import { type Outcome } from './assertion-result.js';

/** `regex`: the pattern (validated by the loader) found anywhere in the raw answer. */
export function checkRegex(assertion: AssertionOf<'regex'>, answer: string): Outcome {
  const pattern = new RegExp(assertion.value, assertion.flags);
  const expected = `matches /${assertion.value}/${assertion.flags ?? ''}`;
  const match = pattern.exec(answer);
  return match === null
    ? { status: 'fail', expected, actual: 'no match', reason: `no match for /${assertion.value}/${assertion.flags ?? ''}` }
    : { status: 'pass', expected, actual: JSON.stringify(match[0]), reason: `matched ${JSON.stringify(match[0])}` };
}
