import { DEFAULT_MODEL_CATALOG } from './default-model-catalog.js';
import { ModelCatalog } from './model-catalog.js';

describe('DEFAULT_MODEL_CATALOG', () => {
  const catalog = new ModelCatalog(DEFAULT_MODEL_CATALOG);

  it.each([
    'gpt-4o',
    'gpt-4o-mini',
    'gpt-4.1',
    'gpt-4.1-mini',
    'gpt-4.1-nano',
    'o3',
    'o4-mini',
    'gpt-5',
    'gpt-5-mini',
    'gpt-5-nano',
    'claude-3-5-haiku-latest',
    'claude-haiku-4-5',
    'claude-sonnet-4-5',
    'claude-opus-4-1',
  ])('knows %s', (id) => {
    expect(catalog.get(id).id).toBe(id);
  });

  it('resolves the dated snapshot ids applications commonly send', () => {
    expect(catalog.get('gpt-4.1-mini-2025-04-14').id).toBe('gpt-4.1-mini');
    expect(catalog.get('claude-sonnet-4-5-20250929').id).toBe('claude-sonnet-4-5');
  });

  it('never prices a cache hit above an uncached input token', () => {
    for (const entry of DEFAULT_MODEL_CATALOG) {
      expect(entry.pricesPerMillion.cachedInput ?? 0).toBeLessThanOrEqual(entry.pricesPerMillion.input);
    }
  });

  it('prices the cheap tier below the strong tier the router defaults to', () => {
    const cheap = catalog.get('gpt-4.1-mini').pricesPerMillion;
    const strong = catalog.get('gpt-4.1').pricesPerMillion;
    expect(cheap.input).toBeLessThan(strong.input);
    expect(cheap.output).toBeLessThan(strong.output);
  });
});
