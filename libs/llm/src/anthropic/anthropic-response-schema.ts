import { z } from 'zod';

/** Token counts of a message; cache fields are null when caching did not apply. */
export const anthropicUsageSchema = z
  .object({
    input_tokens: z.number().nullish(),
    output_tokens: z.number().nullish(),
    cache_read_input_tokens: z.number().nullish(),
    cache_creation_input_tokens: z.number().nullish(),
  })
  .nullish();

export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;

/**
 * The parts of a Messages API response Ballast reads, checked because the SDK only casts
 * the JSON: anything else answered with 200 must become a `malformed-response`.
 */
export const anthropicMessageSchema = z.object({
  id: z.string().nullish(),
  model: z.string().nullish(),
  content: z.array(z.object({ type: z.string(), text: z.string().nullish() })),
  stop_reason: z.string().nullish(),
  usage: anthropicUsageSchema,
});

export type AnthropicMessage = z.infer<typeof anthropicMessageSchema>;
