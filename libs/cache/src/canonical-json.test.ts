import { canonicalJson } from './canonical-json.js';

test('object keys are sorted at every depth', () => {
  expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe('{"a":{"c":3,"d":2},"b":1}');
  expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
});

test('undefined properties count as absent, null does not', () => {
  expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  expect(canonicalJson({ a: 1, b: null })).not.toBe(canonicalJson({ a: 1 }));
});

test('array order is kept', () => {
  expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
});

test('strings are escaped so no value can forge a structure', () => {
  expect(canonicalJson({ a: '","b":"x' })).not.toBe(canonicalJson({ a: '', b: 'x' }));
});

test('values JSON would silently turn into null are refused', () => {
  expect(() => canonicalJson({ temperature: Number.NaN })).toThrow(/\$\.temperature is NaN/);
  expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow(TypeError);
  expect(() => canonicalJson({ f: (() => 1) as unknown as number })).toThrow(/function/);
});
