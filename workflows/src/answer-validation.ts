import type { AnswerCheck } from '#activities';
import type { AnswerValidationReport, ChatMessage, ValidationJudgeReport, ValidationPolicy } from '#libs/contracts';

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

/** The judge's calls of one request as one report: claims, tokens and cost summed, the last error kept. */
export function totalJudgeReport(reports: readonly ValidationJudgeReport[]): ValidationJudgeReport | undefined {
  const [first] = reports;
  if (first === undefined) return undefined;
  const served = reports.findLast((report) => report.provider !== undefined);
  const failed = reports.findLast((report) => report.error !== undefined);
  return {
    model: first.model,
    ...(served?.provider === undefined ? {} : { provider: served.provider }),
    ...(served?.servedBy === undefined ? {} : { servedBy: served.servedBy }),
    calls: sum(reports, 'calls'),
    claims: sum(reports, 'claims'),
    changed: sum(reports, 'changed'),
    costUsd: Math.round(sum(reports, 'costUsd') * 1e9) / 1e9,
    inputTokens: sum(reports, 'inputTokens'),
    outputTokens: sum(reports, 'outputTokens'),
    ...(failed?.error === undefined ? {} : { error: failed.error }),
  };
}

/** The report of a judge that never answered: the fast verdicts stand. */
export function failedJudgeReport(model: string, claims: number, error: string): ValidationJudgeReport {
  return { model, calls: 0, claims, changed: 0, costUsd: 0, inputTokens: 0, outputTokens: 0, error };
}

function sum(reports: readonly ValidationJudgeReport[], field: 'calls' | 'claims' | 'changed' | 'costUsd' | 'inputTokens' | 'outputTokens'): number {
  return reports.reduce((total, report) => total + report[field], 0);
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
