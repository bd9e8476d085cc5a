import { fnv1a } from '../shared/fnv1a.js';
import { QueryKeys } from './query-keys.js';

describe('QueryKeys', () => {
  it('finds each key at its columns, a shared prefix at both', () => {
    const query = new QueryKeys(['extend', '~exten', 'extension', '~exten', 'fee'], fnv1a);
    expect(query.columnsOf('~exten', fnv1a('~exten'))).toEqual([1, 3]);
    expect(query.columnsOf('fee', fnv1a('fee'))).toEqual([4]);
    expect(query.columnsOf('refund', fnv1a('refund'))).toBeUndefined();
  });

  it('tells apart keys whose hashes collide', () => {
    const query = new QueryKeys(['refund', 'rebate'], () => 7);
    expect(query.columnsOf('rebate', 7)).toEqual([1]);
    expect(query.columnsOf('refund', 7)).toEqual([0]);
    expect(query.columnsOf('return', 7)).toBeUndefined();
  });
});
