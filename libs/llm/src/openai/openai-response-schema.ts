import { z } from 'zod';

/** Token counts of a chat completion; every field may be absent on OpenAI-compatible servers. */
export const openAiUsageSchema = z
  .object({
    prompt_tokens: z.number().nullish(),
    completion_tokens: z.number().nullish(),
    prompt_tokens_details: z.object({ cached_tokens: z.number().nullish() }).nullish(),
  })
  .nullish();

export type OpenAiUsage = z.infer<typeof openAiUsageSchema>;

const openAiChoiceSchema = z.object({
  message: z.object({ content: z.string().nullish() }),
  finish_reason: z.string().nullish(),
});

/**
 * The parts of a chat completion Ballast reads, checked because the SDK only casts the JSON:
 * an OpenAI-compatible server answering 200 with something else must become a
 * `malformed-response`, not a crash later in the workflow.
 */
export const openAiChatCompletionSchema = z.object({
  id: z.string().nullish(),
  model: z.string().nullish(),
  // A tuple with a rest element: at least one choice, and its type says so.
  choices: z.tuple([openAiChoiceSchema], openAiChoiceSchema),
  usage: openAiUsageSchema,
});

export type OpenAiChatCompletion = z.infer<typeof openAiChatCompletionSchema>;
