import { createTokenCounterFrom } from '../tokens/token-counter.js';
import { packByTokens } from './pack-by-tokens.js';

// One token per character keeps the arithmetic visible.
const counter = createTokenCounterFrom('other', false, (text) => text.length, { cacheSize: 0 });

describe('packByTokens', () => {
  it('groups consecutive texts while the group, separators included, fits', () => {
    expect(packByTokens(['aaaa', 'bbb', 'cc', 'dddddd', 'e'], 8, counter)).toEqual([['aaaa', 'bbb'], ['cc'], ['dddddd', 'e']]);
  });

  it('puts a text above the limit in a group of its own', () => {
    expect(packByTokens(['a', 'bbbbbbbbbbbb', 'c'], 5, counter)).toEqual([['a'], ['bbbbbbbbbbbb'], ['c']]);
    expect(packByTokens([], 5, counter)).toEqual([]);
  });
});
