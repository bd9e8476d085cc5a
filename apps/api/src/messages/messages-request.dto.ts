import { z } from 'zod';
import { BallastRequestOptionsSchema } from '../chat/chat-completion-request.dto.js';

/** Fields of a content block Ballast reads or may ignore: `cache_control` and `citations` are hints for Anthropic's own caching and citations. */
const TEXT_BLOCK_FIELDS = new Set(['type', 'text', 'cache_control', 'citations']);

/**
 * A content block of Anthropic's Messages API. Only `text` blocks are served: any other type
 * (image, document, tool_use, tool_result, thinking, ...) is refused with the field that holds it.
 */
const TextBlockSchema = z
  .looseObject({ type: z.string({ error: 'each content block needs a type' }) })
  .superRefine((block, ctx) => {
    if (block.type !== 'text') {
      ctx.addIssue({
        code: 'custom',
        path: ['type'],
        message: `content blocks of type '${block.type}' are not supported: /v1/messages accepts text blocks only (no images, documents, tool use or thinking yet)`,
      });
      return;
    }
    if (typeof block['text'] !== 'string') ctx.addIssue({ code: 'custom', path: ['text'], message: 'a text block needs text: a string' });
    for (const field of Object.keys(block)) {
      if (!TEXT_BLOCK_FIELDS.has(field)) ctx.addIssue({ code: 'custom', path: [field], message: `${field} is not supported in a text block` });
    }
  })
  .transform((block) => ({ type: 'text' as const, text: String(block['text']) }));

const ContentSchema = z.union([z.string(), z.array(TextBlockSchema).min(1, 'content must hold at least one block')], {
  error: 'content must be a string or an array of {type:"text", text} blocks',
});

/** A turn of the conversation: Anthropic has no system role in `messages` (it is the top-level `system`). */
export const AnthropicMessageSchema = z.object({
  role: z.enum(['user', 'assistant'], { error: "role must be 'user' or 'assistant' (system instructions go in the top-level system field)" }),
  content: ContentSchema,
});

/** Fields of Anthropic's request Ballast does not serve yet: refused loudly, not ignored. */
const UNSUPPORTED = ['tools', 'tool_choice', 'thinking', 'top_k', 'mcp_servers', 'container', 'context_management', 'output_format', 'service_tier'] as const;

/** The subset of Anthropic's Messages request (`POST /v1/messages`) Ballast accepts. */
export const MessagesRequestSchema = z
  .object({
    model: z.string({ error: 'model is required: a model id, a route name or "auto"' }).min(1, 'model must not be empty'),
    max_tokens: z
      .number({ error: "max_tokens is required (as in Anthropic's Messages API): the most tokens the answer may have" })
      .int('max_tokens must be an integer')
      .positive('max_tokens must be at least 1'),
    messages: z
      .array(AnthropicMessageSchema, { error: 'messages is required: an array of {role, content}' })
      .min(1, 'messages must hold at least one message'),
    system: z
      .union([z.string(), z.array(TextBlockSchema)], { error: 'system must be a string or an array of {type:"text", text} blocks' })
      .optional(),
    temperature: z.number().min(0).max(1).optional(),
    top_p: z.number().min(0).max(1).optional(),
    // Ballast may route to OpenAI, which takes at most 4 stop sequences.
    stop_sequences: z.array(z.string().min(1, 'a stop sequence must not be empty')).max(4, 'at most 4 stop_sequences').optional(),
    stream: z.boolean().optional(),
    metadata: z
      .object({
        /** The application's end user: Ballast's user id for usage, budgets and traces (the key's own user otherwise). */
        user_id: z.string().min(1).max(256).optional(),
      })
      .optional(),
    /** Ballast's own options, as on `/v1/chat/completions` (collections, conversation_id, cache, ...). */
    ballast: BallastRequestOptionsSchema.optional(),
    ...Object.fromEntries(UNSUPPORTED.map((field) => [field, z.undefined({ error: `${field} is not supported yet` }).optional()])),
  })
  .refine((body) => body.messages.some((message) => message.role === 'user'), {
    message: 'messages must include at least one user message',
    path: ['messages'],
  });

export type MessagesRequestBody = z.infer<typeof MessagesRequestSchema>;
