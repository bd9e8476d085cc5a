import { seededRandom } from '../testing/awkward-text.js';
import { FIXED_WIDTH, PACKED_INTEGER_LIMIT, PackedIntegerReader, PackedIntegerWriter } from './packed-integers.js';

describe('packed integers', () => {
  it('read back what was written, in order, small numbers in one character', () => {
    const random = seededRandom(15);
    const values = [0, 1, 31, 32, 1_023, 1_024, PACKED_INTEGER_LIMIT - 1, ...Array.from({ length: 2_000 }, () => Math.floor(random() ** 4 * PACKED_INTEGER_LIMIT))];
    const writer = new PackedIntegerWriter();
    for (const value of values) writer.write(value);
    const packed = writer.finish();
    expect(packed).toMatch(/^[A-Za-z0-9_-]+$/);
    const reader = PackedIntegerReader.of(packed);
    expect(values.map(() => reader.read())).toEqual(values);
    expect(reader.done).toBe(true);
    const small = new PackedIntegerWriter();
    small.write(31);
    expect(small.finish()).toHaveLength(1);
  });

  it('reads fixed-width numbers, five characters each', () => {
    const writer = new PackedIntegerWriter();
    const values = [0, 1, 123_456_789, PACKED_INTEGER_LIMIT - 1];
    for (const value of values) writer.writeFixed(value);
    const packed = writer.finish();
    expect(packed).toHaveLength(values.length * FIXED_WIDTH);
    const reader = PackedIntegerReader.of(packed);
    expect(values.map(() => reader.readFixed())).toEqual(values);
  });

  it('refuses numbers out of range and malformed or exhausted input', () => {
    const writer = new PackedIntegerWriter();
    for (const value of [-1, 1.5, PACKED_INTEGER_LIMIT, Number.NaN]) expect(() => writer.write(value)).toThrow(RangeError);
    expect(() => PackedIntegerReader.of('A!').read()).not.toThrow();
    expect(() => {
      const reader = PackedIntegerReader.of('A!');
      reader.read();
      reader.read();
    }).toThrow(RangeError);
    // A continuation with nothing after it, seven characters of one number, a non-ASCII character.
    expect(() => PackedIntegerReader.of('g').read()).toThrow(RangeError);
    expect(() => PackedIntegerReader.of('ggggggg').read()).toThrow(RangeError);
    expect(() => PackedIntegerReader.of('Aé')).toThrow(RangeError);
    expect(() => PackedIntegerReader.of('AAAA').readFixed()).toThrow(RangeError);
  });
});
