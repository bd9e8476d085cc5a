import { z } from 'zod';

/** One question of the compression eval set, with the facts an answer needs. */
export const CompressionEvalItemSchema = z.strictObject({
  id: z.string().min(1),
  /** `tune` items may be looked at while changing the compressor; `holdout` ones only measure it. */
  split: z.enum(['tune', 'holdout']),
  topic: z.string(),
  question: z.string().min(1),
  /** Retrieved chunks, best-ranked first. */
  context: z.array(z.string().min(1)).min(2).max(6),
  /** Exact substrings of the context an answer cannot do without. */
  neededFacts: z.array(z.string().min(1)).min(1),
});

/** One question of the compression eval set. */
export type CompressionEvalItem = z.infer<typeof CompressionEvalItemSchema>;

/** Validates an eval set (e.g. the parsed fixture); throws naming the bad entry, a repeated id, or a fact not in its context. */
export function parseCompressionEvalItems(input: unknown): CompressionEvalItem[] {
  const result = z.array(CompressionEvalItemSchema).safeParse(input);
  if (!result.success) throw new Error(`Invalid compression eval set:\n${z.prettifyError(result.error)}`);
  const seen = new Set<string>();
  for (const item of result.data) {
    if (seen.has(item.id)) throw new Error(`Invalid compression eval set: id '${item.id}' appears twice`);
    seen.add(item.id);
    const context = item.context.join('\n');
    const missing = item.neededFacts.find((fact) => !context.includes(fact));
    if (missing !== undefined) throw new Error(`Invalid compression eval set: '${item.id}' needs '${missing}', which its context does not contain`);
  }
  return result.data;
}
