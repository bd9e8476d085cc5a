import { fnv1a } from '../shared/fnv1a.js';
import { buildKeyFilter, mayHoldKey } from './key-filter.js';

describe('key filter', () => {
  it('lets every key it holds through and stops most others', () => {
    const keys = Array.from({ length: 300 }, (_, index) => `term${index}`);
    const filter = buildKeyFilter(keys.map(fnv1a));
    expect(filter).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(keys.every((key) => mayHoldKey(filter, fnv1a(key)))).toBe(true);
    const others = Array.from({ length: 10_000 }, (_, index) => `other${index}`);
    const passed = others.filter((key) => mayHoldKey(filter, fnv1a(key))).length;
    expect(passed / others.length).toBeLessThan(0.1);
  });

  it('holds nothing when empty, and lets everything through when damaged', () => {
    const empty = buildKeyFilter([]);
    expect(mayHoldKey(empty, fnv1a('refund'))).toBe(false);
    expect(mayHoldKey('!!!!', fnv1a('refund'))).toBe(true);
  });
});
