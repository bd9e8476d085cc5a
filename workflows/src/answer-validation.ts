import type { AnswerCheck } from '#activities';
import type { AnswerValidationReport, ChatMessage, ValidationPolicy } from '#libs/contracts';

/** Routes that set no policy still have their grounded answers checked and flagged. */
export const DEFAULT_VALIDATION_POLICY: ValidationPolicy = {
  mode: 'flag',
  minGroundedness: 0.8,
  refusalMessage: 'I could not find a reliable answer to that in the available sources.',
};

/** True when the answer is below the policy's bar (an answer with nothing checkable never is). */
export function fallsShort(policy: ValidationPolicy, check: AnswerCheck): boolean {
  return check.verdict !== 'no-claims' && check.groundedness < policy.minGroundedness;
}

/** The report `ballast.validation` carries. */
export function validationReport(policy: ValidationPolicy, check: AnswerCheck, action: AnswerValidationReport['action'], firstGroundedness?: number): AnswerValidationReport {
  return { ...check, mode: policy.mode, minGroundedness: policy.minGroundedness, action, ...(firstGroundedness === undefined ? {} : { firstGroundedness }) };
}

/**
 * The conversation for a stricter second answer: the first answer, then a correction naming
 * the claims the sources did not support. The grounded prompt (sources, instructions) is built
 * again by the call, so the sources are the same.
 */
export function regenerationMessages(messages: readonly ChatMessage[], firstAnswer: string, check: AnswerCheck): ChatMessage[] {
  const unsupported = check.claims.filter((claim) => claim.verdict !== 'supported').map((claim) => `- ${claim.text}${claim.reasons[0] ? ` (${claim.reasons[0]})` : ''}`);
  return [
    ...messages,
    { role: 'assistant', content: firstAnswer },
    {
      role: 'user',
      content:
        'Some statements in that answer are not supported by the numbered sources:\n' +
        `${unsupported.join('\n')}\n\n` +
        'Answer my previous question again using only facts stated in the sources, with their exact figures, names, dates and conditions, ' +
        'citing each fact like [1]. Leave out anything the sources do not say; if they do not contain the answer, say so.',
    },
  ];
}
