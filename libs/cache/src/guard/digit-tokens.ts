import { CURRENCY_OF } from './guard-vocabulary.js';
import type { QuestionToken } from './question-tokens.js';

/** Canonical forms of the numbers in a run of digits: "1,500.00" → ["1500"], "1, 2" → ["1", "2"]; ids with leading zeros and versions stay as written. */
export function canonicalDigits(digits: string): string[] {
  const withoutThousands = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(digits) ? digits.replace(/,/g, '') : digits;
  return withoutThousands
    .split(',')
    .filter((part) => part !== '')
    .map((part) => (/^(?:0|[1-9]\d*)(?:\.\d+)?$/.test(part) ? String(Number(part)) : part));
}

/** A token that starts with a digit or a currency sign: its numbers, currency, percent and code form. */
export function readDigitToken(token: QuestionToken, numbers: string[], content: Set<string>, entities: Set<string>): void {
  const match = /^([$€£¥]?)([\d][\d,.:/]*)(%?)(\p{L}*)$/u.exec(token.lower);
  if (match === null) {
    entities.add(token.lower);
    for (const digits of token.lower.match(/\d+(?:\.\d+)*/g) ?? []) numbers.push(...canonicalDigits(digits));
    return;
  }
  const [, symbol = '', digits = '', percent = '', suffix = ''] = match;
  if (symbol !== '') content.add(CURRENCY_OF[symbol] ?? symbol);
  if (percent !== '') content.add('percent');
  if (suffix === 'k' && symbol !== '' && /^\d+(?:\.\d+)?$/.test(digits)) {
    numbers.push(String(Number(digits) * 1000));
    return;
  }
  numbers.push(...canonicalDigits(digits));
  // "3rd" is a number; "2fa", "401k", "5gb" are names that contain one.
  if (suffix !== '' && !/^(?:st|nd|rd|th)$/.test(suffix)) entities.add(token.lower);
}
