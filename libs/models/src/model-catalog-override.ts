import { z } from 'zod';

const tokenCount = z.number().int().positive();
const usdPerMillion = z.number().finite().nonnegative();

/**
 * A config entry that corrects or extends the catalog. For a known model (matched by id or
 * alias) only the fields given change — e.g. just `pricesPerMillion.input`; for a new model
 * (a local OpenAI-compatible server, say) every field of a catalog entry is required.
 */
export const ModelCatalogOverrideSchema = z.strictObject({
  /** Id or alias of the model to change, or the id of the model to add. */
  id: z.string().trim().min(1),
  provider: z.string().trim().min(1).optional(),
  contextWindow: tokenCount.optional(),
  maxOutputTokens: tokenCount.optional(),
  /** Prices merge field by field: `{ output: 12 }` keeps the known input price. */
  pricesPerMillion: z
    .strictObject({
      input: usdPerMillion.optional(),
      output: usdPerMillion.optional(),
      cachedInput: usdPerMillion.optional(),
    })
    .optional(),
  batchDiscount: z.number().min(0).max(1).optional(),
  /** Added to the model's known aliases (known aliases are kept). */
  aliases: z.array(z.string().trim().min(1)).optional(),
});

/** A config entry that corrects or extends the model catalog. */
export type ModelCatalogOverride = z.input<typeof ModelCatalogOverrideSchema>;
