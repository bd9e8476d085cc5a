import { IntegerSlab } from './integer-slab.js';

describe('IntegerSlab', () => {
  it('hands out arrays that do not overlap, and reuses their room after a reset', () => {
    const slab = new IntegerSlab(8);
    const first = slab.take(5).fill(1);
    const second = slab.take(3).fill(2);
    expect([...first, ...second]).toEqual([1, 1, 1, 1, 1, 2, 2, 2]);
    // Past its size: a larger buffer, the arrays handed out before untouched.
    const third = slab.take(6).fill(3);
    expect([...first, ...second]).toEqual([1, 1, 1, 1, 1, 2, 2, 2]);
    expect(third).toHaveLength(6);
    slab.reset();
    expect(slab.take(6).buffer).toBe(third.buffer);
  });
});
