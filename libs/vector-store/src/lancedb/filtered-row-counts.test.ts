import { FilteredRowCounts } from './filtered-row-counts.js';

describe('FilteredRowCounts', () => {
  test('counts once within the TTL, again after it or after a write to the table', async () => {
    let now = 0;
    let counted = 0;
    const counts = new FilteredRowCounts(1_000, 100, () => now);
    const count = async () => {
      counted += 1;
      return 42;
    };
    expect(await counts.get('space', "tenant_id = 't'", count)).toBe(42);
    expect(await counts.get('space', "tenant_id = 't'", count)).toBe(42);
    expect(counted).toBe(1);
    now = 1_001;
    await counts.get('space', "tenant_id = 't'", count);
    expect(counted).toBe(2);
    counts.invalidate('other-space');
    await counts.get('space', "tenant_id = 't'", count);
    expect(counted).toBe(2);
    counts.invalidate('space');
    await counts.get('space', "tenant_id = 't'", count);
    expect(counted).toBe(3);
  });
});
