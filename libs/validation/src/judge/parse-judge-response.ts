import { z } from 'zod';
import { JudgeResponseError, type JudgeResponseFailure } from './judge-response-error.js';
import { type JudgeVerdict } from './judge-port.js';

const ResponseSchema = z.object({
  verdicts: z.array(
    z.object({
      claim: z.number().int().min(1),
      supported: z.boolean(),
      source: z.string().min(1).nullable().optional(),
      reason: z.string(),
    }),
  ),
});

const EXCERPT_LENGTH = 120;

/**
 * The verdicts of a judge's reply to `buildJudgePrompt`: strict JSON in the asked shape, a
 * Markdown code fence around it tolerated. With `claimCount`, every claim 1..claimCount must
 * have exactly one verdict. Throws `JudgeResponseError` naming what is wrong.
 */
export function parseJudgeResponse(text: string, claimCount?: number): JudgeVerdict[] {
  const excerpt = text.trim().slice(0, EXCERPT_LENGTH);
  const fail = (failure: JudgeResponseFailure, detail: string, cause?: unknown): never => {
    throw new JudgeResponseError({ failure, detail, excerpt, ...(cause === undefined ? {} : { cause }) });
  };
  let json: unknown;
  try {
    json = JSON.parse(withoutFence(text));
  } catch (error) {
    return fail('not-json', error instanceof Error ? error.message : String(error), error);
  }
  const parsed = ResponseSchema.safeParse(json);
  if (!parsed.success) return fail('wrong-shape', z.prettifyError(parsed.error).replace(/\s+/g, ' '));
  const seen = new Set<number>();
  const verdicts = parsed.data.verdicts.map((verdict) => {
    if (claimCount !== undefined && verdict.claim > claimCount) fail('unknown-claim', `verdict for claim ${verdict.claim}, but only ${claimCount} were asked about`);
    if (seen.has(verdict.claim)) fail('duplicate-claim', `two verdicts for claim ${verdict.claim}`);
    seen.add(verdict.claim);
    return { claim: verdict.claim, supported: verdict.supported, sourceId: verdict.source ?? null, reason: verdict.reason };
  });
  if (claimCount !== undefined && seen.size < claimCount) {
    const missing = Array.from({ length: claimCount }, (_, index) => index + 1).filter((claim) => !seen.has(claim));
    fail('missing-claims', `no verdict for claim${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  }
  return verdicts.sort((left, right) => left.claim - right.claim);
}

// "```json\n{…}\n```" → "{…}"; anything else as it is.
function withoutFence(text: string): string {
  const fenced = /^\s*```[\w-]*\s*\n?([\s\S]*?)\n?\s*```\s*$/.exec(text);
  return fenced?.[1] ?? text;
}
