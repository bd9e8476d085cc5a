import { z } from 'zod';

/** The kinds of error a wrong claim of the eval set makes. */
export const CLAIM_ERRORS = ['changed-number', 'wrong-unit', 'wrong-date', 'swapped-entity', 'flipped-negation', 'unsupported-addition', 'wrong-condition'] as const;
export type ClaimError = (typeof CLAIM_ERRORS)[number];

/** One labelled claim: an exact substring of the answer, supported by the sources or not, and how it errs. */
export const LabelledClaimSchema = z.strictObject({
  text: z.string().min(1),
  supported: z.boolean(),
  /** The supporting (or distorted) source's id; null for a refusal and for an unsupported addition. */
  source: z.string().min(1).nullable(),
  error: z.enum(CLAIM_ERRORS).nullable(),
});

/** One (sources, answer) item with its claims labelled. */
export const ValidationEvalItemSchema = z.strictObject({
  id: z.string().min(1),
  /** `tune` items may be looked at while changing the validator; `holdout` ones only measure it. */
  split: z.enum(['tune', 'holdout']),
  domain: z.string().min(1),
  question: z.string().min(1),
  sources: z.array(z.strictObject({ id: z.string().min(1), title: z.string(), text: z.string().min(1) })).min(1),
  answer: z.string().min(1),
  claims: z.array(LabelledClaimSchema).min(1),
});

export const ValidationEvalSetSchema = z.strictObject({
  version: z.literal(1),
  description: z.string(),
  items: z.array(ValidationEvalItemSchema).min(1),
});

export type LabelledClaim = z.infer<typeof LabelledClaimSchema>;
export type ValidationEvalItem = z.infer<typeof ValidationEvalItemSchema>;
export type ValidationEvalSet = z.infer<typeof ValidationEvalSetSchema>;

/**
 * Validates the eval set (the parsed fixture). Throws naming the item and the broken rule: a
 * repeated id, a claim that is not a substring of its answer, a claim source that is not one of
 * the item's sources, an error on a supported claim or none on an unsupported one.
 */
export function parseValidationEvalSet(input: unknown): ValidationEvalSet {
  const result = ValidationEvalSetSchema.safeParse(input);
  if (!result.success) throw new Error(`Invalid validation eval set:\n${z.prettifyError(result.error)}`);
  const seen = new Set<string>();
  for (const item of result.data.items) {
    const fail = (rule: string): never => {
      throw new Error(`Invalid validation eval set: '${item.id}' ${rule}`);
    };
    if (seen.has(item.id)) fail('appears twice');
    seen.add(item.id);
    const sourceIds = new Set(item.sources.map((source) => source.id));
    for (const claim of item.claims) {
      if (!item.answer.includes(claim.text)) fail(`has claim '${claim.text}', which its answer does not contain`);
      if (claim.source !== null && !sourceIds.has(claim.source)) fail(`has claim '${claim.text}' citing source '${claim.source}', which it does not have`);
      if (claim.supported === (claim.error !== null)) fail(`has claim '${claim.text}' labelled ${claim.supported ? 'supported with' : 'unsupported without'} an error`);
    }
  }
  return result.data;
}
