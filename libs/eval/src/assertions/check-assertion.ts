import { type Observation, type RubricGrader } from '../observation.js';
import { type Assertion } from '../suite-schema.js';
import { assertionResult, type AssertionResult, type Outcome } from './assertion-result.js';
import { checkFacts } from './fact-assertions.js';
import { checkCitations, checkCost, checkGroundedness, checkLatency } from './metric-assertions.js';
import { checkRefusal } from './refusal-assertion.js';
import { checkRegex } from './regex-assertion.js';
import { checkRubric } from './rubric-assertion.js';

/** One assertion against one observation (a successful request; errors are handled by `evaluateQuery`). */
export async function checkAssertion(assertion: Assertion, question: string, observation: Observation, grader?: RubricGrader): Promise<AssertionResult> {
  return assertionResult(assertion, await outcomeOf(assertion, question, observation, grader));
}

async function outcomeOf(assertion: Assertion, question: string, observation: Observation, grader: RubricGrader | undefined): Promise<Outcome> {
  switch (assertion.type) {
    case 'contains-all':
    case 'contains-any':
    case 'not-contains':
      return checkFacts(assertion, observation.answer);
    case 'regex':
      return checkRegex(assertion, observation.answer);
    case 'refusal':
      return checkRefusal(observation.answer);
    case 'groundedness':
      return checkGroundedness(assertion, observation);
    case 'citations':
      return checkCitations(assertion, observation);
    case 'latency':
      return checkLatency(assertion, observation);
    case 'cost':
      return checkCost(assertion, observation);
    case 'llm-rubric':
      return checkRubric(assertion, question, observation.answer, grader);
  }
}
