import { readNumberWords, SCALES } from './number-words.js';

/**
 * Canonical tokens of a text, so that an expected fact and an answer stating it agree however
 * each is written: case, accents, punctuation, unicode quotes and dashes, `[n]` citation markers,
 * thousands separators ("1,200" = "1200"), trailing decimal zeros ("12.50" = "12.5"), number
 * words up to a hundred ("thirty" = "30", "twenty-five" = "25"), scale words ("1.2 million" =
 * "1200000", "$5k" = "5000 usd"), currency symbols, codes and names ("€250" = "250 EUR" =
 * "EUR 250" = "250 euros"), "%" = "percent" = "per cent", and contractions ("don't" = "do not").
 * Plurals are left to the matcher (`sameWord`).
 */
export function factTokens(text: string): string[] {
  return canonicalTokens(rawTokens(prepare(text)));
}

/** `factTokens` joined by single spaces: `normalizeText('€1,250.00 in Thirty days')` = `'1250 eur in 30 days'`. */
export function normalizeText(text: string): string {
  return factTokens(text).join(' ');
}

const CURRENCY_SYMBOLS: ReadonlyArray<readonly [RegExp, string]> = [
  [/us\$/g, ' usd '],
  [/€/g, ' eur '],
  [/\$/g, ' usd '],
  [/£/g, ' gbp '],
  [/¥/g, ' jpy '],
  [/₹/g, ' inr '],
  [/₩/g, ' krw '],
  [/₪/g, ' ils '],
];

/** Currency names as their ISO code (the codes themselves are already tokens). */
const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['euro', 'eur'],
  ['euros', 'eur'],
  ['dollar', 'usd'],
  ['dollars', 'usd'],
  ['yen', 'jpy'],
  ['rupee', 'inr'],
  ['rupees', 'inr'],
]);

export const CURRENCY_CODES: ReadonlySet<string> = new Set(['usd', 'eur', 'gbp', 'jpy', 'inr', 'krw', 'ils', 'chf', 'cad', 'aud', 'nzd', 'cny', 'sek', 'nok', 'dkk', 'pln', 'czk', 'huf', 'brl', 'mxn', 'sgd', 'hkd', 'zar']);

const CODE_BEFORE_AMOUNT = new RegExp(`(?<![\\p{L}\\d])(${[...CURRENCY_CODES].join('|')})\\s*(\\d+(?:\\.\\d+)?(?:\\s*(?:k|bn|hundred|thousand|million|billion)(?!\\p{L}))?)`, 'gu');

/** Text-level rewrites, before tokenizing. */
function prepare(text: string): string {
  let value = text
    .normalize('NFKC')
    .replace(/\[\^?\d+(?:\s*[,–—-]\s*\^?\d+)*\]/g, ' ')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, '-')
    .replace(/\bcan'?t\b|\bcannot\b/g, 'can not')
    .replace(/\bwon'?t\b/g, 'will not')
    .replace(/\bshan'?t\b/g, 'shall not')
    .replace(/\b(\p{L}+)n't\b/gu, '$1 not')
    .replace(/(?<=\p{L})'(?=\p{L})/gu, '')
    .replace(/(?<=\d),(?=\d{3}(?!\d))/g, '')
    .replace(/(?<![\d.])\.(?=\d)/g, '0.')
    .replace(/%/g, ' percent ')
    .replace(/\bper\s+cent\b/g, 'percent')
    .replace(/&/g, ' and ');
  for (const [symbol, code] of CURRENCY_SYMBOLS) value = value.replace(symbol, code);
  // "eur 250", "€250", "$1.2 million" → "250 eur", "1.2 million usd": the code goes after the amount.
  return value.replace(CODE_BEFORE_AMOUNT, '$2 $1');
}

/** Numbers (with their decimal or version dots) and runs of letters; letters and digits split ("10am" → "10", "am"). */
function rawTokens(text: string): string[] {
  return (text.match(/\d+(?:\.\d+)*|\p{L}+|\p{N}+/gu) ?? []).map((token) => CURRENCY_WORDS.get(token) ?? token);
}

const NUMBER = /^\d{1,15}(?:\.\d+)?$/;
const WORD_SCALES: ReadonlySet<string> = new Set(['hundred', 'thousand', 'million', 'billion']);

function canonicalTokens(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < tokens.length; ) {
    const token = tokens[index] as string;
    // A number: digits or words, then an optional scale word.
    let value: number | undefined;
    let length = 1;
    const words = readNumberWords(tokens, index);
    if (words !== undefined) ({ value, length } = words);
    else if (NUMBER.test(token)) value = Number(token);
    else if ((token === 'a' || token === 'an') && WORD_SCALES.has(tokens[index + 1] ?? '')) value = 1;
    if (value === undefined) {
      out.push(token);
      index += 1;
      continue;
    }
    const scale = SCALES.get(tokens[index + length] ?? '');
    if (scale !== undefined) {
      value = Number((value * scale).toPrecision(15));
      length += 1;
    }
    index += length;
    out.push(String(value));
  }
  return out;
}
