import { z } from 'zod';

const TextPartSchema = z.strictObject({ type: z.literal('text'), text: z.string() });

/** A message in OpenAI's format; content may be a string or text parts. */
export const ChatMessageSchema = z.object({
  role: z.enum(['system', 'developer', 'user', 'assistant'], {
    error: "role must be 'system', 'developer', 'user' or 'assistant' (tool messages are not supported yet)",
  }),
  content: z.union([z.string(), z.array(TextPartSchema).min(1)], { error: 'content must be a string or an array of {type:"text", text} parts' }),
  name: z.string().max(64).optional(),
});

/** Ballast's own request options (OpenAI clients send them with `extra_body` / extra fields). */
export const BallastRequestOptionsSchema = z.strictObject({
  /** Your id of the conversation: rolling summaries of turns that no longer fit are kept per conversation. */
  conversation_id: z.string().min(1).max(200).optional(),
  /** Collections to ground the answer in; the answer cites them in `ballast.citations`. */
  collections: z.array(z.string().min(1)).min(1).max(10).optional(),
  top_k: z.number().int().min(1).max(50).optional(),
  /** Fuse vector search with BM25 keyword search (default true). */
  hybrid: z.boolean().optional(),
  /** With `hybrid: false`: drop sources whose cosine similarity is below this. */
  min_score: z.number().min(-1).max(1).optional(),
  /** Maximal marginal relevance: 0 (default) ranks by relevance alone, 1 by diversity alone; near-duplicate sources give way to others. */
  diversity: z.number().min(0).max(1).optional(),
  /** `bypass`: neither look this request up in the response cache nor store its answer (like `Cache-Control: no-cache`). */
  cache: z.enum(['bypass'], { error: "ballast.cache must be 'bypass' (or omitted)" }).optional(),
  /** The prompt template this request was built from: traces and the weekly review rank templates by it. */
  prompt_template: z
    .strictObject({
      id: z.string().min(1).max(200),
      version: z.union([z.string().min(1).max(100), z.number().int().nonnegative()]).transform(String),
    })
    .optional(),
});

/** Fields OpenAI clients may send that Ballast does not serve yet: refused loudly, not ignored. */
const UNSUPPORTED = ['tools', 'functions', 'tool_choice', 'function_call', 'audio', 'modalities', 'prediction', 'logit_bias'] as const;

/** The subset of OpenAI's chat completion request Ballast accepts. */
export const ChatCompletionRequestSchema = z
  .object({
    model: z.string({ error: 'model is required: a model id, a route name or "auto"' }).min(1, 'model must not be empty'),
    messages: z
      .array(ChatMessageSchema, { error: 'messages is required: an array of {role, content}' })
      .min(1, 'messages must hold at least one message'),
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    max_tokens: z.number().int().positive().optional(),
    max_completion_tokens: z.number().int().positive().optional(),
    stop: z.union([z.string(), z.array(z.string()).max(4)]).optional(),
    seed: z.number().int().optional(),
    presence_penalty: z.number().min(-2).max(2).optional(),
    frequency_penalty: z.number().min(-2).max(2).optional(),
    n: z.literal(1, { error: 'n must be 1: Ballast returns one choice' }).optional(),
    stream: z.boolean().optional(),
    stream_options: z.object({ include_usage: z.boolean().optional() }).optional(),
    user: z.string().max(256).optional(),
    metadata: z.record(z.string(), z.string()).optional(),
    ballast: BallastRequestOptionsSchema.optional(),
    response_format: z
      .object({ type: z.literal('text', { error: "response_format.type must be 'text' (JSON modes are not supported yet)" }) })
      .optional(),
    ...Object.fromEntries(UNSUPPORTED.map((field) => [field, z.undefined({ error: `${field} is not supported yet` }).optional()])),
  })
  .refine((body) => body.messages.some((message) => message.role === 'user'), {
    message: 'messages must include at least one user message',
    path: ['messages'],
  });

export type ChatCompletionRequestBody = z.infer<typeof ChatCompletionRequestSchema>;
