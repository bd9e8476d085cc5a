import { SIGN } from './fact-signs.js';
import { scanSentence, type SentenceScan } from './scan-sentence.js';

/** Kinds of fact a sentence can carry, as bits; answers are usually one of these. */
export const FACT = { money: 1, percent: 2, duration: 4, date: 8, time: 16, number: 32, name: 64, quote: 128, place: 256 } as const;
export type FactKind = keyof typeof FACT;

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const UNIT = '(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|business days?|working days?|miles?|km|kg|lbs?|mg|ml|g)';
const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|sixty|ninety)';

// Patterns that need a digit are only tried on sentences that have one. Each is tried only when
// the sentence shows one of the signs its matches imply (`fact-signs.ts`).
const WITH_DIGITS: readonly (readonly [number, RegExp, number])[] = [
  [FACT.money, /[$€£¥]\s?\d|\b(?:C|US|A)\$\s?\d|\b\d[\d,.]*\s?(?:usd|eur|gbp|dollars|cents)\b/i, SIGN.currency | SIGN.moneyWord],
  [FACT.percent, /\d\s?%/, SIGN.percentSign],
  [FACT.duration, new RegExp(`\\b\\d[\\d,.]*(?:\\s|-)?(?:to\\s\\d+\\s)?${UNIT}\\b`, 'i'), SIGN.unit],
  [FACT.date, new RegExp(`\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b${MONTH}\\.?\\s\\d{1,2}\\b|\\b\\d{1,2}\\s${MONTH}\\b|\\b(?:19|20)\\d{2}\\b`, 'i'), SIGN.dateSeparator | SIGN.month | SIGN.year],
  [FACT.time, /\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b/i, SIGN.timeMark],
  [FACT.place, /\b\d+\s(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Pkwy|Parkway|Drive|Boulevard|Blvd|Lane|Way|Row)\b/, SIGN.street],
];
const WITHOUT_DIGITS: readonly (readonly [number, RegExp, number])[] = [
  [FACT.percent, /\bpercent(?:age)?\b|\bbasis points\b/i, SIGN.percentWord],
  [FACT.duration, new RegExp(`\\b${NUMBER_WORD}(?:\\s|-)${UNIT}\\b`, 'i'), SIGN.numberWord],
  [FACT.date, /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i, SIGN.weekday],
  [FACT.time, /\bnoon\b|\bmidnight\b/i, SIGN.noonOrMidnight],
  [FACT.name, /\b(?:Dr|Mr|Mrs|Ms|Prof)\.\s?[A-Z]|(?:^|[^.!?:]\s)[A-Z][a-z]+(?:\s(?:[A-Z][a-z]+|[A-Z]\.))+/, SIGN.title | SIGN.capitalAfterSpace],
  [FACT.quote, /[“"][^”"]{8,}[”"]/, SIGN.quoteMark],
  [FACT.place, /\b(?:Hall|Room|Suite|Gate|Floor|Building)\s[A-Z0-9]/, SIGN.placeWord],
];

/**
 * The kinds of fact a sentence holds, as `FACT` bits: figures, money, dates, names, quotes,
 * addresses. `scan` is the sentence's `scanSentence`, when the caller has it already.
 */
export function factMask(sentence: string, scan: Pick<SentenceScan, 'digit' | 'signs'> = scanSentence(sentence)): number {
  const { signs } = scan;
  let mask = 0;
  if (scan.digit) {
    mask |= FACT.number;
    for (const [bit, pattern, needs] of WITH_DIGITS) if ((mask & bit) === 0 && (signs & needs) !== 0 && pattern.test(sentence)) mask |= bit;
  }
  for (const [bit, pattern, needs] of WITHOUT_DIGITS) if ((mask & bit) === 0 && (signs & needs) !== 0 && pattern.test(sentence)) mask |= bit;
  return mask;
}

/** The kinds of fact a sentence holds, by name. */
export function factKinds(sentence: string): Set<FactKind> {
  const mask = factMask(sentence);
  return new Set((Object.keys(FACT) as FactKind[]).filter((kind) => (mask & FACT[kind]) !== 0));
}

/**
 * The literal figures of a sentence (numbers with their symbols), so two sentences that read
 * alike but state different figures ("14 days" and "30 days") are never merged: the matches of
 * `[$€£%]?\d[\d,.:/-]*%?` with trailing `.,:-` trimmed, scanned by hand.
 */
export function figuresOf(sentence: string): string[] {
  const ranges = figureRangesOf(sentence);
  const figures: string[] = [];
  for (let index = 0; index < ranges.length; index += 2) figures.push(sentence.slice(ranges[index], ranges[index + 1]));
  return figures;
}

/** Where the figures of `figuresOf` sit in the sentence: start and end of each, in order. */
export function figureRangesOf(sentence: string): number[] {
  const ranges: number[] = [];
  let index = 0;
  while (index < sentence.length) {
    const code = sentence.charCodeAt(index);
    const prefixed = isFigurePrefix(code) && isDigitCode(sentence.charCodeAt(index + 1));
    if (!prefixed && !isDigitCode(code)) {
      index += 1;
      continue;
    }
    const start = index;
    index += prefixed ? 2 : 1;
    while (index < sentence.length && isFigureBody(sentence.charCodeAt(index))) index += 1;
    if (sentence.charCodeAt(index) === 0x25) index += 1;
    let end = index;
    while (end > start && isTrimmedTail(sentence.charCodeAt(end - 1))) end -= 1;
    ranges.push(start, end);
  }
  return ranges;
}

// $ € £ %
function isFigurePrefix(code: number): boolean {
  return code === 0x24 || code === 0x20ac || code === 0xa3 || code === 0x25;
}

// [\d,.:/-]
function isFigureBody(code: number): boolean {
  return isDigitCode(code) || code === 0x2c || code === 0x2e || code === 0x3a || code === 0x2f || code === 0x2d;
}

// [.,:-]
function isTrimmedTail(code: number): boolean {
  return code === 0x2e || code === 0x2c || code === 0x3a || code === 0x2d;
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}
