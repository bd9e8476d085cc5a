import { z } from 'zod';
import { anthropicUsageSchema } from './anthropic-response-schema.js';

/**
 * The Messages stream events Ballast reads: `message_start` (id, model, input usage),
 * `content_block_delta` (text), `message_delta` (stop reason, final output usage) and
 * `message_stop`. Other events (`ping`, block start/stop) pass through as `other`.
 */
export const anthropicStreamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message_start'), message: z.object({ id: z.string().nullish(), model: z.string().nullish(), usage: anthropicUsageSchema }) }),
  z.object({ type: z.literal('content_block_delta'), delta: z.object({ type: z.string(), text: z.string().nullish() }) }),
  z.object({ type: z.literal('message_delta'), delta: z.object({ stop_reason: z.string().nullish() }), usage: anthropicUsageSchema }),
  z.object({ type: z.literal('message_stop') }),
  z.object({ type: z.enum(['ping', 'content_block_start', 'content_block_stop']) }),
]);

export type AnthropicStreamEvent = z.infer<typeof anthropicStreamEventSchema>;
