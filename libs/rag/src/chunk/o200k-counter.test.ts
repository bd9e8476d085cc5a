import { readFileSync } from 'node:fs';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import ranks from 'gpt-tokenizer/bpeRanks/o200k_base';
import { seededRandom } from '../testing/synthetic-prose.js';
import { createO200kCounter } from './o200k-counter.js';
import { loadTokenizer } from './tokenizer.js';

const NO_SPECIAL_TOKENS = { disallowedSpecial: new Set<string>() };
const library = (text: string): number => encode(text, NO_SPECIAL_TOKENS).length;

const handbook = readFileSync(new URL('../parse/__fixtures__/handbook.md', import.meta.url), 'utf8');
const article = readFileSync(new URL('../parse/__fixtures__/article.html', import.meta.url), 'utf8');
const evalSet = JSON.parse(readFileSync(new URL('../../../context/src/__fixtures__/compression-eval.json', import.meta.url), 'utf8')) as { question: string; context: string[] }[];

// Characters for every rule of the pre-tokenizer: cased letters of several scripts, contractions in
// either case, numbers that are no ASCII digits, every kind of whitespace, slashes and line breaks
// after punctuation, and characters cut by rules not written here (CJK, marks, emoji, surrogates).
const PIECES = [
  'a', 'b', 'Z', 'Q', 'e', 's', 't', 'S', 'D', 'M', 'T', 'd', 'm', 'll', 've', 're', 'LL', 'VE', 'RE', 'Ll', "'", '’', 'é', 'É', 'ß', 'ſ', 'İ', 'ǅ', 'Σ', 'ς', 'ж', 'Ж',
  '1', '2', '9', '²', '½', 'Ⅻ', '٣', ' ', '  ', '\t', '\n', '\r', '\r\n', '\u000b', '\u00a0', '\u2028', '\u3000', '\ufeff', '\u200b',
  '.', ',', '!', '?', '/', '-', '$', '€', '%', '(', ')', '—', '"', '“', ':', '#', '_', '|', '<|endoftext|>',
  '中', 'ع', 'ª', 'ʰ', '\u0301', '😀', '\ud800', '\udc00',
];

describe('createO200kCounter', () => {
  const count = createO200kCounter(ranks, library);

  it('counts the fixtures as gpt-tokenizer does', () => {
    const texts = [handbook, article, ...evalSet.flatMap((item) => [item.question, ...item.context]), evalSet.flatMap((item) => item.context).join('\n\n')];
    expect(texts.map(count)).toEqual(texts.map(library));
  });

  it('counts 30,000 random strings of awkward characters as gpt-tokenizer does', () => {
    const random = seededRandom(2_026_112_7);
    const differences: string[] = [];
    for (let run = 0; run < 30_000; run += 1) {
      let text = '';
      const length = 1 + Math.floor(random() * 40);
      for (let index = 0; index < length; index += 1) text += PIECES[Math.floor(random() * PIECES.length)] ?? '';
      if (count(text) !== library(text)) differences.push(text);
    }
    expect(differences.slice(0, 5)).toEqual([]);
  });

  it('counts paragraphs it cannot cut by hand apart from the rest, to the same total', () => {
    const random = seededRandom(7);
    const paragraphs = ['Plain English, fine.', '中文段落 with ASCII.', 'Emoji 😀 here!', 'Naïve café — résumé’s “quotes”.', 'हिंदी पाठ', '  indented\tline / slash', '/leading slash', '123 numbers 4567', "It's JOHN'S, DON'T"];
    const breaks = ['\n', '\n\n', ' \n', '\r\n', '\n/', '!\n'];
    const differences: string[] = [];
    for (let run = 0; run < 3_000; run += 1) {
      let text = '';
      for (let index = 1 + Math.floor(random() * 8); index > 0; index -= 1) text += `${paragraphs[Math.floor(random() * paragraphs.length)]}${breaks[Math.floor(random() * breaks.length)]}`;
      if (count(text) !== library(text)) differences.push(text);
    }
    expect(differences).toEqual([]);
  });

  it('is what the o200k_base tokenizer counts with', async () => {
    const tokenizer = await loadTokenizer('o200k_base');
    expect(tokenizer.countTokens(handbook)).toBe(library(handbook));
    expect(tokenizer.countTokens('')).toBe(0);
  });
});
