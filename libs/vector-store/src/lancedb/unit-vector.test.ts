import { unitVector } from './unit-vector.js';

describe('unitVector', () => {
  test('scales to length 1 and keeps the direction', () => {
    expect(Array.from(unitVector(new Float32Array([3, 4])))).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
  });

  test('returns a unit vector as it is, without copying', () => {
    const vector = new Float32Array([0, 1, 0]);
    expect(unitVector(vector)).toBe(vector);
  });
});
