import type { TokenUsage } from '#libs/contracts';
import { computeCostUsd } from './compute-cost.js';
import { ModelCatalog } from './model-catalog.js';
import type { ModelCatalogEntry } from './model-catalog-entry.js';

const catalog = ModelCatalog.withOverrides();
const usage = (inputTokens?: number, outputTokens?: number, cachedInputTokens?: number): TokenUsage => ({
  inputTokens,
  outputTokens,
  cachedInputTokens,
});
const noCachePrice: ModelCatalogEntry = {
  id: 'no-cache',
  provider: 'test',
  contextWindow: 1_000,
  maxOutputTokens: 100,
  pricesPerMillion: { input: 0.1, output: 0.3 },
  batchDiscount: 0.5,
};

describe('computeCostUsd', () => {
  it('prices a million input and a million output tokens at the list prices', () => {
    expect(computeCostUsd(catalog.get('gpt-4.1'), usage(1_000_000, 1_000_000, 0))).toEqual({
      costUsd: 10,
      complete: true,
      missingCounts: [],
    });
  });

  it('prices cached input tokens at the cache price and the rest at the input price', () => {
    // gpt-4o: 600 x $2.50/M + 400 x $1.25/M + 100 x $10/M
    expect(computeCostUsd(catalog.get('gpt-4o'), usage(1_000, 100, 400)).costUsd).toBe(0.003);
  });

  it('prices cached tokens at the input price when the model has no cache price', () => {
    expect(computeCostUsd(noCachePrice, usage(1_000, 0, 1_000)).costUsd).toBe(0.0001);
  });

  it('applies the batch discount only to batch calls', () => {
    const entry = catalog.get('claude-sonnet-4-5');
    const interactive = computeCostUsd(entry, usage(10_000, 2_000, 0)).costUsd;
    const batch = computeCostUsd(entry, usage(10_000, 2_000, 0), { batch: true }).costUsd;
    expect(interactive).toBe(0.06);
    expect(batch).toBe(0.03);
  });

  it('gives exact decimal results where float arithmetic would drift', () => {
    // 3 x 0.1 / 1e6 in floats is 3.0000000000000004e-7.
    expect(computeCostUsd(noCachePrice, usage(3, 0, 0)).costUsd).toBe(3e-7);
    expect(computeCostUsd(noCachePrice, usage(7, 7, 0)).costUsd).toBe(0.0000028);
  });

  it('rounds to the nearest nano-dollar', () => {
    // One gpt-5-nano cached token costs 5e-9 USD; through the batch API, 2.5e-9.
    expect(computeCostUsd(catalog.get('gpt-5-nano'), usage(1, 0, 1)).costUsd).toBe(5e-9);
    expect(computeCostUsd(catalog.get('gpt-5-nano'), usage(1, 0, 1), { batch: true }).costUsd).toBe(3e-9);
    // Two of them cost 5e-9 USD exactly: no rounding needed.
    expect(computeCostUsd(catalog.get('gpt-5-nano'), usage(2, 0, 2), { batch: true }).costUsd).toBe(5e-9);
  });

  it('reports an incomplete cost when the provider left a count out', () => {
    const result = computeCostUsd(catalog.get('gpt-4.1'), usage(1_000, undefined, undefined));
    expect(result).toEqual({ costUsd: 0.002, complete: false, missingCounts: ['outputTokens', 'cachedInputTokens'] });
  });

  it('never charges less than zero when more cached than input tokens are reported', () => {
    expect(computeCostUsd(catalog.get('gpt-4o'), usage(100, 0, 400)).costUsd).toBe(0.000125);
  });

  it('rejects token counts no provider sends', () => {
    expect(() => computeCostUsd(noCachePrice, usage(-1, 0, 0))).toThrow('inputTokens must be a non-negative integer');
    expect(() => computeCostUsd(noCachePrice, usage(1, 0.5, 0))).toThrow('outputTokens');
  });
});
