import { z } from 'zod';

const tokenCount = z.number().int().positive();
const usdPerMillion = z.number().finite().nonnegative();

/** USD prices per one million tokens. */
export const ModelPricesSchema = z.strictObject({
  /** Uncached input (prompt) tokens. */
  input: usdPerMillion,
  /** Output (completion) tokens, reasoning tokens included. */
  output: usdPerMillion,
  /** Input tokens read from the provider's prompt cache; absent means billed as `input`. */
  cachedInput: usdPerMillion.optional(),
});

/** Prices of one model, in USD per one million tokens. */
export type ModelPrices = z.infer<typeof ModelPricesSchema>;

/**
 * One model the gateway can call: its limits and list prices. Validated because entries
 * also come from operator config, where a typo must fail at start-up, not on the invoice.
 */
export const ModelCatalogEntrySchema = z
  .strictObject({
    /** Canonical model id as the provider's API expects it, e.g. `gpt-4.1-mini`. */
    id: z.string().trim().min(1),
    /** `openai`, `anthropic`, or the name of an OpenAI-compatible provider. */
    provider: z.string().trim().min(1),
    /** Total tokens (input + output) the model accepts in one request. */
    contextWindow: tokenCount,
    /** Most output tokens one response may contain. */
    maxOutputTokens: tokenCount,
    pricesPerMillion: ModelPricesSchema,
    /** Fraction taken off every price in the provider's batch API: 0.5 = half price, 0 = none. */
    batchDiscount: z.number().min(0).max(1),
    /** Other ids that name this model, typically dated snapshots (`gpt-4.1-2025-04-14`). */
    aliases: z.array(z.string().trim().min(1)).optional(),
  })
  .refine((entry) => entry.maxOutputTokens <= entry.contextWindow, {
    message: 'maxOutputTokens cannot exceed contextWindow',
    path: ['maxOutputTokens'],
  });

/** One model the gateway can call: its limits and list prices. */
export type ModelCatalogEntry = z.infer<typeof ModelCatalogEntrySchema>;
