import { DEFAULT_MODEL_CATALOG } from './default-model-catalog.js';
import { ModelCatalog } from './model-catalog.js';
import { UnknownModelError } from './unknown-model-error.js';

describe('ModelCatalog', () => {
  const catalog = ModelCatalog.withOverrides();

  it('finds a model by a dated alias and returns the canonical entry', () => {
    expect(catalog.get('gpt-4o-2024-08-06').id).toBe('gpt-4o');
  });

  it('says which models exist when asked for an unknown one', () => {
    expect(() => catalog.get('gpt-4.2')).toThrow(/Unknown model 'gpt-4\.2'.*gpt-4\.1-mini/);
    try {
      catalog.get('gpt-4.2');
    } catch (error) {
      expect(UnknownModelError.isInstance(error)).toBe(true);
      expect((error as UnknownModelError).knownIds).toContain('claude-sonnet-4-5');
    }
  });

  it('returns undefined from find for an unknown model instead of throwing', () => {
    expect(catalog.find('no-such-model')).toBeUndefined();
  });

  it('lists every built-in model', () => {
    expect(catalog.list().map((entry) => entry.id)).toEqual(DEFAULT_MODEL_CATALOG.map((entry) => entry.id));
  });

  describe('withOverrides', () => {
    it('changes only the price the override gives, keeping the other prices and limits', () => {
      const overridden = ModelCatalog.withOverrides([{ id: 'gpt-4.1', pricesPerMillion: { input: 1.5 } }]);
      const entry = overridden.get('gpt-4.1');
      expect(entry.pricesPerMillion).toEqual({ input: 1.5, cachedInput: 0.5, output: 8 });
      expect(entry.contextWindow).toBe(1_047_576);
      expect(entry.aliases).toContain('gpt-4.1-2025-04-14');
    });

    it('applies an override that names a dated alias to the canonical model', () => {
      const overridden = ModelCatalog.withOverrides([{ id: 'gpt-4.1-2025-04-14', batchDiscount: 0.25 }]);
      expect(overridden.get('gpt-4.1').batchDiscount).toBe(0.25);
      expect(overridden.get('gpt-4.1').aliases).not.toContain('gpt-4.1');
    });

    it('adds a local OpenAI-compatible model with zero prices', () => {
      const overridden = ModelCatalog.withOverrides([
        {
          id: 'smollm2-135m',
          provider: 'local',
          contextWindow: 8_192,
          maxOutputTokens: 2_048,
          pricesPerMillion: { input: 0, output: 0 },
          batchDiscount: 0,
          aliases: ['local'],
        },
      ]);
      expect(overridden.get('local').pricesPerMillion).toEqual({ input: 0, output: 0 });
      expect(overridden.list().at(-1)?.id).toBe('smollm2-135m');
    });

    it('rejects a new model missing fields, naming each missing field', () => {
      expect(() => ModelCatalog.withOverrides([{ id: 'mystery', pricesPerMillion: { input: 1, output: 2 } }])).toThrow(
        /'mystery' is not in the catalog[\s\S]*contextWindow[\s\S]*maxOutputTokens/,
      );
    });

    it('rejects an override that makes two models answer to the same name', () => {
      expect(() => ModelCatalog.withOverrides([{ id: 'gpt-4o', aliases: ['gpt-4.1'] }])).toThrow(
        "'gpt-4.1' names both",
      );
    });

    it('rejects a misspelt override field with its path', () => {
      expect(() => ModelCatalog.withOverrides([{ id: 'gpt-4o', pricesPerMillion: { ouput: 3 } } as never])).toThrow(
        /override #0[\s\S]*ouput/,
      );
    });

    it('leaves the built-in catalog untouched for the next caller', () => {
      ModelCatalog.withOverrides([{ id: 'gpt-4o', pricesPerMillion: { input: 99 } }]);
      expect(ModelCatalog.withOverrides().get('gpt-4o').pricesPerMillion.input).toBe(2.5);
      expect(() => {
        (catalog.get('gpt-4o').pricesPerMillion as { input: number }).input = 0;
      }).toThrow(TypeError);
    });
  });
});
