import type { ModelCatalogEntry } from './model-catalog-entry.js';

/**
 * Built-in list prices and limits, so cost and context budgets work with zero config.
 *
 * Prices are USD per 1M tokens as published on openai.com/api/pricing and
 * docs.anthropic.com (models overview + pricing) as of 2025-11; they could not be
 * re-verified on 2026-11-27 when this file was written (the build machine is offline).
 * Providers change prices: deployment config overrides any field through
 * `ModelCatalog.withOverrides`, which is the place to correct one, not this file.
 *
 * Not modelled: Anthropic cache writes (1.25x input), long-context surcharges
 * (Sonnet above 200k input tokens), OpenAI flex/priority tiers and regional uplifts.
 */
export const DEFAULT_MODEL_CATALOG: readonly ModelCatalogEntry[] = [
  // OpenAI: cached input is billed automatically on prompt-cache hits; Batch API is 50% off.
  {
    id: 'gpt-4o',
    provider: 'openai',
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    pricesPerMillion: { input: 2.5, cachedInput: 1.25, output: 10 },
    batchDiscount: 0.5,
    aliases: ['gpt-4o-2024-08-06', 'gpt-4o-2024-11-20'],
  },
  {
    id: 'gpt-4o-mini',
    provider: 'openai',
    contextWindow: 128_000,
    maxOutputTokens: 16_384,
    pricesPerMillion: { input: 0.15, cachedInput: 0.075, output: 0.6 },
    batchDiscount: 0.5,
    aliases: ['gpt-4o-mini-2024-07-18'],
  },
  {
    id: 'gpt-4.1',
    provider: 'openai',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    pricesPerMillion: { input: 2, cachedInput: 0.5, output: 8 },
    batchDiscount: 0.5,
    aliases: ['gpt-4.1-2025-04-14'],
  },
  {
    id: 'gpt-4.1-mini',
    provider: 'openai',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    pricesPerMillion: { input: 0.4, cachedInput: 0.1, output: 1.6 },
    batchDiscount: 0.5,
    aliases: ['gpt-4.1-mini-2025-04-14'],
  },
  {
    id: 'gpt-4.1-nano',
    provider: 'openai',
    contextWindow: 1_047_576,
    maxOutputTokens: 32_768,
    pricesPerMillion: { input: 0.1, cachedInput: 0.025, output: 0.4 },
    batchDiscount: 0.5,
    aliases: ['gpt-4.1-nano-2025-04-14'],
  },
  {
    id: 'o3',
    provider: 'openai',
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    // Price after OpenAI's June 2025 cut (was 10 / 40).
    pricesPerMillion: { input: 2, cachedInput: 0.5, output: 8 },
    batchDiscount: 0.5,
    aliases: ['o3-2025-04-16'],
  },
  {
    id: 'o3-mini',
    provider: 'openai',
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    pricesPerMillion: { input: 1.1, cachedInput: 0.55, output: 4.4 },
    batchDiscount: 0.5,
    aliases: ['o3-mini-2025-01-31'],
  },
  {
    id: 'o4-mini',
    provider: 'openai',
    contextWindow: 200_000,
    maxOutputTokens: 100_000,
    pricesPerMillion: { input: 1.1, cachedInput: 0.275, output: 4.4 },
    batchDiscount: 0.5,
    aliases: ['o4-mini-2025-04-16'],
  },
  {
    id: 'gpt-5',
    provider: 'openai',
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    pricesPerMillion: { input: 1.25, cachedInput: 0.125, output: 10 },
    batchDiscount: 0.5,
    aliases: ['gpt-5-2025-08-07'],
  },
  {
    id: 'gpt-5.1',
    provider: 'openai',
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    pricesPerMillion: { input: 1.25, cachedInput: 0.125, output: 10 },
    batchDiscount: 0.5,
    aliases: ['gpt-5.1-2025-11-13'],
  },
  {
    id: 'gpt-5-mini',
    provider: 'openai',
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    pricesPerMillion: { input: 0.25, cachedInput: 0.025, output: 2 },
    batchDiscount: 0.5,
    aliases: ['gpt-5-mini-2025-08-07'],
  },
  {
    id: 'gpt-5-nano',
    provider: 'openai',
    contextWindow: 400_000,
    maxOutputTokens: 128_000,
    pricesPerMillion: { input: 0.05, cachedInput: 0.005, output: 0.4 },
    batchDiscount: 0.5,
    aliases: ['gpt-5-nano-2025-08-07'],
  },

  // Anthropic: `cachedInput` is the cache-read price (0.1x input); Message Batches are 50% off.
  // Anthropic reports cache reads apart from input_tokens; its adapter must add them back,
  // because TokenUsage.inputTokens includes cached tokens (see compute-cost.ts).
  {
    id: 'claude-3-5-haiku-latest',
    provider: 'anthropic',
    contextWindow: 200_000,
    maxOutputTokens: 8_192,
    pricesPerMillion: { input: 0.8, cachedInput: 0.08, output: 4 },
    batchDiscount: 0.5,
    aliases: ['claude-3-5-haiku-20241022'],
  },
  {
    id: 'claude-3-7-sonnet-latest',
    provider: 'anthropic',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    pricesPerMillion: { input: 3, cachedInput: 0.3, output: 15 },
    batchDiscount: 0.5,
    aliases: ['claude-3-7-sonnet-20250219'],
  },
  {
    id: 'claude-haiku-4-5',
    provider: 'anthropic',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    pricesPerMillion: { input: 1, cachedInput: 0.1, output: 5 },
    batchDiscount: 0.5,
    aliases: ['claude-haiku-4-5-20251001'],
  },
  {
    id: 'claude-sonnet-4-0',
    provider: 'anthropic',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    pricesPerMillion: { input: 3, cachedInput: 0.3, output: 15 },
    batchDiscount: 0.5,
    aliases: ['claude-sonnet-4-20250514'],
  },
  {
    // 200k is the default window; the 1M window is a beta with higher prices past 200k.
    id: 'claude-sonnet-4-5',
    provider: 'anthropic',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    pricesPerMillion: { input: 3, cachedInput: 0.3, output: 15 },
    batchDiscount: 0.5,
    aliases: ['claude-sonnet-4-5-20250929'],
  },
  {
    id: 'claude-opus-4-0',
    provider: 'anthropic',
    contextWindow: 200_000,
    maxOutputTokens: 32_000,
    pricesPerMillion: { input: 15, cachedInput: 1.5, output: 75 },
    batchDiscount: 0.5,
    aliases: ['claude-opus-4-20250514'],
  },
  {
    id: 'claude-opus-4-1',
    provider: 'anthropic',
    contextWindow: 200_000,
    maxOutputTokens: 32_000,
    pricesPerMillion: { input: 15, cachedInput: 1.5, output: 75 },
    batchDiscount: 0.5,
    aliases: ['claude-opus-4-1-20250805'],
  },
  {
    id: 'claude-opus-4-5',
    provider: 'anthropic',
    contextWindow: 200_000,
    maxOutputTokens: 64_000,
    pricesPerMillion: { input: 5, cachedInput: 0.5, output: 25 },
    batchDiscount: 0.5,
    aliases: ['claude-opus-4-5-20251101'],
  },
];
