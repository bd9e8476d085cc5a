import { DEFAULT_CHUNKING_SETTINGS, resolveChunkingSettings } from './chunking-options.js';

describe('resolveChunkingSettings', () => {
  it('fills in the defaults', () => {
    expect(resolveChunkingSettings()).toEqual(DEFAULT_CHUNKING_SETTINGS);
    expect(resolveChunkingSettings({ targetTokens: 2000 })).toEqual({ targetTokens: 2000, maxTokens: 2000, overlapTokens: 64 });
    expect(resolveChunkingSettings({ targetTokens: 100 })).toEqual({ targetTokens: 100, maxTokens: 1024, overlapTokens: 25 });
  });

  it('names every invalid value', () => {
    expect(() => resolveChunkingSettings({ targetTokens: 900, maxTokens: 800, overlapTokens: 300 })).toThrow(
      'invalid chunking settings: maxTokens 800 must be an integer between targetTokens (900) and 8000; overlapTokens 300 must be an integer between 0 and a quarter of targetTokens (225)',
    );
    expect(() => resolveChunkingSettings({ targetTokens: 1.5 })).toThrow(/targetTokens 1.5/);
  });
});
