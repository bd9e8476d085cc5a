import { z } from 'zod';

/** A chat message as stored in labelled sets. */
const ChatMessageSchema = z.strictObject({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string(),
  name: z.string().optional(),
});

/** A request with the tier a person judged it needs, for measuring routing rules. */
export const LabelledQuerySchema = z.strictObject({
  id: z.string().min(1),
  /** `tune` queries may be used to choose rules; `holdout` ones only to report accuracy. */
  split: z.enum(['tune', 'holdout']),
  /** The tier the request needs, e.g. `simple` or `complex`. */
  label: z.string().min(1),
  /** Why it has that label, especially for the tricky ones. */
  note: z.string(),
  messages: z.array(ChatMessageSchema).min(1),
});

/** A request with the tier a person judged it needs. */
export type LabelledQuery = z.infer<typeof LabelledQuerySchema>;

/** Validates a labelled set (e.g. a parsed JSON fixture); throws naming the bad entry and field. */
export function parseLabelledQueries(input: unknown): LabelledQuery[] {
  const result = z.array(LabelledQuerySchema).safeParse(input);
  if (!result.success) throw new Error(`Invalid labelled queries:\n${z.prettifyError(result.error)}`);
  const seen = new Set<string>();
  for (const query of result.data) {
    if (seen.has(query.id)) throw new Error(`Invalid labelled queries: id '${query.id}' appears twice`);
    seen.add(query.id);
  }
  return result.data;
}
