import type { AnswerValidationReport } from '#libs/contracts';

/** `ballast.validation`: the answer checked against its sources, in the API's snake_case. */
export function toWireValidation(report: AnswerValidationReport) {
  return {
    groundedness: report.groundedness,
    verdict: report.verdict,
    mode: report.mode,
    min_groundedness: report.minGroundedness,
    action: report.action,
    ...(report.action === 'flagged' ? { warning: `${report.unsupportedClaims + report.uncertainClaims} claim(s) of this answer are not supported by its sources` } : {}),
    ...(report.firstGroundedness === undefined ? {} : { first_groundedness: report.firstGroundedness }),
    claims: report.claims.map((claim) => ({
      text: claim.text,
      verdict: claim.verdict,
      score: claim.score,
      source: claim.sourceIndex ?? null,
      source_sentence: claim.sourceSentence ?? null,
      reasons: claim.reasons,
    })),
    citations: report.citations.map((citation) => ({ marker: citation.marker, valid: citation.valid, reason: citation.reason ?? null })),
    unsupported_claims: report.unsupportedClaims,
    uncertain_claims: report.uncertainClaims,
    invalid_citations: report.invalidCitations,
    duration_ms: report.durationMs,
    ...(report.judge === undefined
      ? {}
      : {
          judge: {
            model: report.judge.model,
            served_by: report.judge.provider === undefined ? null : `${report.judge.provider}/${report.judge.servedBy ?? report.judge.model}`,
            calls: report.judge.calls,
            claims: report.judge.claims,
            changed: report.judge.changed,
            cost_usd: report.judge.costUsd,
            input_tokens: report.judge.inputTokens,
            output_tokens: report.judge.outputTokens,
            ...(report.judge.error === undefined ? {} : { error: report.judge.error }),
          },
        }),
  };
}
