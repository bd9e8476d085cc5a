import { isNumberWord, readNumberWords } from './number-words.js';

function read(text: string, pronounAt: readonly number[] = []): number[] {
  const values: number[] = [];
  readNumberWords(text.split(' '), (value) => values.push(value), (index) => pronounAt.includes(index));
  return values;
}

test('written amounts become their values', () => {
  expect(read('withdraw two hundred dollars')).toEqual([200]);
  expect(read('two hundred and fifty')).toEqual([250]);
  expect(read('three thousand five hundred')).toEqual([3500]);
  expect(read('twenty five seats')).toEqual([25]);
  expect(read('a dozen eggs and two dozen more')).toEqual([12, 24]);
});

test('ordinals and multiplicatives are numbers, "second" and words that are not numbers are not', () => {
  expect(read('charged twice on my first order')).toEqual([2, 1]);
  expect(read('wait a second')).toEqual([]);
  expect(isNumberWord('second')).toBe(false);
  expect(isNumberWord('seven')).toBe(true);
});

test('"one" as a pronoun is left out when the caller says so', () => {
  expect(read('get a new one', [3])).toEqual([]);
  expect(read('add one seat')).toEqual([1]);
});

test('two numbers joined by "and" stay two numbers', () => {
  expect(read('two and three')).toEqual([2, 3]);
});
