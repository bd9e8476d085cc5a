import { ModelCatalogEntrySchema } from './model-catalog-entry.js';

const validEntry = {
  id: 'local-llama',
  provider: 'local',
  contextWindow: 8_192,
  maxOutputTokens: 2_048,
  pricesPerMillion: { input: 0, output: 0 },
  batchDiscount: 0,
};

function issuePaths(input: unknown): string[] {
  const result = ModelCatalogEntrySchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('ModelCatalogEntrySchema', () => {
  it('accepts a free local model without a cached-input price or aliases', () => {
    expect(ModelCatalogEntrySchema.parse(validEntry)).toEqual(validEntry);
  });

  it('rejects more output tokens than the context window holds, naming maxOutputTokens', () => {
    expect(issuePaths({ ...validEntry, maxOutputTokens: 10_000 })).toEqual(['maxOutputTokens']);
  });

  it('rejects a negative price, naming the price field', () => {
    expect(issuePaths({ ...validEntry, pricesPerMillion: { input: -1, output: 0 } })).toEqual([
      'pricesPerMillion.input',
    ]);
  });

  it('rejects a misspelt field instead of silently ignoring it', () => {
    expect(issuePaths({ ...validEntry, batchDiscont: 0.5 })).toEqual(['']);
    expect(ModelCatalogEntrySchema.safeParse({ ...validEntry, batchDiscont: 0.5 }).error?.message).toContain(
      'batchDiscont',
    );
  });

  it('rejects a batch discount above 100%', () => {
    expect(issuePaths({ ...validEntry, batchDiscount: 1.5 })).toEqual(['batchDiscount']);
  });
});
