import { z } from 'zod';
import { openAiUsageSchema } from './openai-response-schema.js';

/**
 * The parts of a `chat.completion.chunk` Ballast reads. The usage chunk that
 * `stream_options.include_usage` adds has no choices, so choices may be empty.
 */
export const openAiChatChunkSchema = z.object({
  id: z.string().nullish(),
  model: z.string().nullish(),
  choices: z.array(
    z.object({
      delta: z.object({ content: z.string().nullish() }).nullish(),
      finish_reason: z.string().nullish(),
    }),
  ),
  usage: openAiUsageSchema,
});

export type OpenAiChatChunk = z.infer<typeof openAiChatChunkSchema>;
