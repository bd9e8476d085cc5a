import type { AnswerValidationReport, ValidatedClaim } from '#libs/contracts';
import type { ChunksRepository } from '#libs/store';
import { undecidedClaimCount, validateAnswer as checkAnswer, type AnswerValidation, type ValidationSource } from '#libs/validation';

/** Input of the `validateAnswer` activity: the answer and the sources it was given, by chunk id. */
export interface ValidateAnswerInput {
  readonly requestId: string;
  readonly tenantId: string;
  readonly answer: string;
  /** The prompt's numbered sources: `[index]` was chunk `chunkId`. */
  readonly citations: readonly { readonly index: number; readonly chunkId: string }[];
}

/** The checks' findings; the workflow adds the policy and what it did about them. */
export type AnswerCheck = Omit<AnswerValidationReport, 'mode' | 'minGroundedness' | 'action' | 'firstGroundedness'>;

/**
 * Checks an answer against the chunks it was given (loaded again by id, tenant-checked): claims,
 * their support, the citations. No model is called; the result depends only on the input and the
 * stored chunks, so a retried activity returns the same.
 */
export function createValidateAnswer(dependencies: { readonly chunks: ChunksRepository }) {
  return async function validateAnswer(input: ValidateAnswerInput): Promise<AnswerCheck> {
    const started = performance.now();
    const sources = await loadValidationSources(dependencies.chunks, input.tenantId, input.citations);
    const checked = checkAnswer({ answer: input.answer, sources });
    return { ...toAnswerCheck(checked, Math.round((performance.now() - started) * 1000) / 1000), undecidedClaims: undecidedClaimCount(checked) };
  };
}

/** The prompt's numbered sources as the validator reads them: `[n]` is source id `n`; a chunk deleted since leaves an empty source in its place. */
export async function loadValidationSources(chunks: Pick<ChunksRepository, 'getByIds'>, tenantId: string, citations: ValidateAnswerInput['citations']): Promise<ValidationSource[]> {
  const rows = await chunks.getByIds(tenantId, citations.map((citation) => citation.chunkId));
  const textById = new Map(rows.map((row) => [row.id, row.text]));
  const ordered = [...citations].sort((left, right) => left.index - right.index);
  return ordered.map((citation) => ({ id: String(citation.index), text: textById.get(citation.chunkId) ?? '' }));
}

/** A validation in the workflow's (serialisable) shape. */
export function toAnswerCheck(checked: AnswerValidation, durationMs: number): AnswerCheck {
  const claims: ValidatedClaim[] = checked.claims.map((claim) => ({
    text: claim.claim.text,
    verdict: claim.verdict,
    score: Math.round(claim.score * 1000) / 1000,
    ...(claim.source === undefined ? {} : { sourceIndex: Number(claim.source.id), sourceSentence: claim.source.sentence }),
    reasons: claim.reasons,
  }));
  return {
    groundedness: checked.groundedness,
    verdict: checked.verdict,
    claims,
    citations: checked.citations.map((citation) => ({ marker: citation.marker, valid: citation.valid, ...(citation.reason === undefined ? {} : { reason: citation.reason }) })),
    unsupportedClaims: checked.unsupportedClaims,
    uncertainClaims: checked.uncertainClaims,
    invalidCitations: checked.invalidCitations,
    durationMs,
  };
}
