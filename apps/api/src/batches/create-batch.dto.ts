import { z } from 'zod';

/** `24h`, `90m`, `2d`: how long the batch may take, from 1 hour to 7 days. */
export const CompletionWindowSchema = z
  .string()
  .regex(/^\d+[mhd]$/, 'completion_window looks like 24h, 90m or 2d')
  .refine((value) => {
    const ms = completionWindowMs(value);
    return ms >= 3_600_000 && ms <= 7 * 86_400_000;
  }, 'completion_window must be between 1h and 7d');

export function completionWindowMs(value: string): number {
  const amount = Number(value.slice(0, -1));
  const unit = value.slice(-1);
  return amount * (unit === 'm' ? 60_000 : unit === 'h' ? 3_600_000 : 86_400_000);
}

/** Options shared by the JSON body and the JSONL upload's query string. */
export const BatchOptionsSchema = z.strictObject({
  mode: z.enum(['provider', 'queued'], { error: "mode must be 'provider' (the provider's batch API, at its discount) or 'queued' (Ballast runs the lines off-peak)" }).default('provider'),
  completion_window: CompletionWindowSchema.default('24h'),
  webhook_url: z.url({ protocol: /^https?$/, error: 'webhook_url must be an http(s) URL' }).optional(),
  metadata: z.record(z.string().max(64), z.string().max(512)).refine((value) => Object.keys(value).length <= 16, 'metadata holds at most 16 keys').optional(),
});
export type BatchOptions = z.infer<typeof BatchOptionsSchema>;

/** `POST /v1/batches` as JSON: the lines as `requests` or as the text of an OpenAI batch input file. */
export const CreateBatchRequestSchema = BatchOptionsSchema.extend({
  requests: z.array(z.unknown()).min(1, 'requests must hold at least one line').optional(),
  input_jsonl: z.string().min(1, 'input_jsonl must not be empty').optional(),
}).refine((body) => (body.requests === undefined) !== (body.input_jsonl === undefined), { message: 'send exactly one of requests and input_jsonl', path: ['requests'] });
export type CreateBatchRequest = z.infer<typeof CreateBatchRequestSchema>;

/** Query parameters of `POST /v1/batches` with a JSONL body (metadata as `metadata.<key>=<value>`). */
export const BatchQuerySchema = z.strictObject({
  mode: BatchOptionsSchema.shape.mode,
  completion_window: BatchOptionsSchema.shape.completion_window,
  webhook_url: BatchOptionsSchema.shape.webhook_url,
});

export const ListBatchesQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  after: z.string().min(1).optional(),
});
