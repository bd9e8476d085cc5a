import { SPACE_NAME_PATTERN } from '../validate-identifiers.js';
import { collectionTableName, isCollectionTableOf } from './collection-table-name.js';

describe('collectionTableName', () => {
  test('is a valid table name for any collection id, distinct per collection and stable', () => {
    const name = collectionTableName('lexical-embedding-v1_384', 'col:tenant-a:handbook');
    expect(name).toMatch(/^lexical-embedding-v1_384\.c-[0-9a-f]{24}$/);
    expect(/^[A-Za-z0-9_.-]+$/.test(name)).toBe(true);
    expect(collectionTableName('space', 'handbook')).toBe(collectionTableName('space', 'handbook'));
    expect(collectionTableName('space', 'handbook')).not.toBe(collectionTableName('space', 'faq'));
    expect(SPACE_NAME_PATTERN.test('space')).toBe(true);
  });

  test('recognises only its own space’s tables', () => {
    expect(isCollectionTableOf('space', collectionTableName('space', 'faq'))).toBe(true);
    expect(isCollectionTableOf('space', collectionTableName('space-2', 'faq'))).toBe(false);
    expect(isCollectionTableOf('space', 'space')).toBe(false);
    expect(isCollectionTableOf('space', 'space.c-nothex')).toBe(false);
  });
});
