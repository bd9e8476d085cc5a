import { canonicalDigits, readDigitToken } from './digit-tokens.js';
import { tokenizeQuestion } from './question-tokens.js';

function read(text: string) {
  const numbers: string[] = [];
  const content = new Set<string>();
  const entities = new Set<string>();
  for (const token of tokenizeQuestion(text)) readDigitToken(token, numbers, content, entities);
  return { numbers, content: [...content], entities: [...entities] };
}

test('thousands separators and trailing zeros go; ids with leading zeros, versions and dates stay', () => {
  expect(canonicalDigits('1,500.00')).toEqual(['1500']);
  expect(canonicalDigits('50.50')).toEqual(['50.5']);
  expect(canonicalDigits('007')).toEqual(['007']);
  expect(canonicalDigits('2.1.3')).toEqual(['2.1.3']);
  expect(canonicalDigits('3/4/2024')).toEqual(['3/4/2024']);
  expect(canonicalDigits('1,2')).toEqual(['1', '2']);
});

test('currency, percent, thousands and ordinals are read; other suffixes make a name', () => {
  expect(read('$1k')).toEqual({ numbers: ['1000'], content: ['usd'], entities: [] });
  expect(read('€50')).toEqual({ numbers: ['50'], content: ['eur'], entities: [] });
  expect(read('10%')).toEqual({ numbers: ['10'], content: ['percent'], entities: [] });
  expect(read('3rd')).toEqual({ numbers: ['3'], content: [], entities: [] });
  expect(read('2fa')).toEqual({ numbers: ['2'], content: [], entities: ['2fa'] });
});
