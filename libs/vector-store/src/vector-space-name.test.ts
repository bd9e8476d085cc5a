import { SPACE_NAME_PATTERN } from './validate-identifiers.js';
import { vectorSpaceName } from './vector-space-name.js';

describe('vectorSpaceName', () => {
  test('keeps a valid model id and appends the dimensions', () => {
    expect(vectorSpaceName('text-embedding-3-small', 1536)).toBe('text-embedding-3-small-1536d');
  });

  test('replaces characters a table name cannot hold and keeps different ids apart', () => {
    const slashed = vectorSpaceName('intfloat/multilingual-e5-small', 384);
    const underscored = vectorSpaceName('intfloat_multilingual-e5-small', 384);
    expect(slashed).toMatch(SPACE_NAME_PATTERN);
    expect(slashed).toMatch(/^intfloat_multilingual-e5-small-[0-9a-f]{8}-384d$/);
    expect(slashed).not.toBe(underscored);
  });
});
