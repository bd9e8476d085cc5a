import { z } from 'zod';

/** `POST /v1/collections`. */
export const CreateCollectionSchema = z.strictObject({
  /** Unique per tenant; used in chat requests (`ballast.collections`). */
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/, 'name: 1–64 letters, digits, _ . - (starting with a letter or digit)'),
  /** Embedding model; default the configured one (`lexical-embedding-v1` offline). */
  embedding_model: z.string().min(1).optional(),
  chunking: z
    .strictObject({
      target_tokens: z.number().int().min(64).max(4096).optional(),
      max_tokens: z.number().int().min(64).max(8192).optional(),
      overlap_tokens: z.number().int().min(0).max(1024).optional(),
    })
    .refine((chunking) => (chunking.target_tokens ?? 0) <= (chunking.max_tokens ?? Number.MAX_SAFE_INTEGER), { message: 'target_tokens must not exceed max_tokens' })
    .optional(),
});
export type CreateCollectionBody = z.infer<typeof CreateCollectionSchema>;

/** `?limit=&cursor=` of list endpoints. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().min(1).optional(),
});
