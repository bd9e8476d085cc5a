/** Kinds of fact a sentence can carry, as bits; answers are usually one of these. */
export const FACT = { money: 1, percent: 2, duration: 4, date: 8, time: 16, number: 32, name: 64, quote: 128, place: 256 } as const;
export type FactKind = keyof typeof FACT;

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const UNIT = '(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|business days?|working days?|miles?|km|kg|lbs?|mg|ml|g)';
const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|sixty|ninety)';

// Patterns that need a digit are only tried on sentences that have one.
const WITH_DIGITS: readonly (readonly [number, RegExp])[] = [
  [FACT.money, /[$€£¥]\s?\d|\b(?:C|US|A)\$\s?\d|\b\d[\d,.]*\s?(?:usd|eur|gbp|dollars|cents)\b/i],
  [FACT.percent, /\d\s?%/],
  [FACT.duration, new RegExp(`\\b\\d[\\d,.]*(?:\\s|-)?(?:to\\s\\d+\\s)?${UNIT}\\b`, 'i')],
  [FACT.date, new RegExp(`\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}/\\d{1,2}/\\d{2,4}\\b|\\b${MONTH}\\.?\\s\\d{1,2}\\b|\\b\\d{1,2}\\s${MONTH}\\b|\\b(?:19|20)\\d{2}\\b`, 'i')],
  [FACT.time, /\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)|\b\d{1,2}:\d{2}\b/i],
  [FACT.place, /\b\d+\s(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Pkwy|Parkway|Drive|Boulevard|Blvd|Lane|Way|Row)\b/],
];
const WITHOUT_DIGITS: readonly (readonly [number, RegExp])[] = [
  [FACT.percent, /\bpercent(?:age)?\b|\bbasis points\b/i],
  [FACT.duration, new RegExp(`\\b${NUMBER_WORD}(?:\\s|-)${UNIT}\\b`, 'i')],
  [FACT.date, /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i],
  [FACT.time, /\bnoon\b|\bmidnight\b/i],
  [FACT.name, /\b(?:Dr|Mr|Mrs|Ms|Prof)\.\s?[A-Z]|(?:^|[^.!?:]\s)[A-Z][a-z]+(?:\s(?:[A-Z][a-z]+|[A-Z]\.))+/],
  [FACT.quote, /[“"][^”"]{8,}[”"]/],
  [FACT.place, /\b(?:Hall|Room|Suite|Gate|Floor|Building)\s[A-Z0-9]/],
];

/** The kinds of fact a sentence holds, as `FACT` bits: figures, money, dates, names, quotes, addresses. */
export function factMask(sentence: string): number {
  let mask = 0;
  if (/\d/.test(sentence)) {
    mask |= FACT.number;
    for (const [bit, pattern] of WITH_DIGITS) if ((mask & bit) === 0 && pattern.test(sentence)) mask |= bit;
  }
  for (const [bit, pattern] of WITHOUT_DIGITS) if ((mask & bit) === 0 && pattern.test(sentence)) mask |= bit;
  return mask;
}

/** The kinds of fact a sentence holds, by name. */
export function factKinds(sentence: string): Set<FactKind> {
  const mask = factMask(sentence);
  return new Set((Object.keys(FACT) as FactKind[]).filter((kind) => (mask & FACT[kind]) !== 0));
}

/**
 * The literal figures of a sentence (numbers with their symbols), so two sentences that read
 * alike but state different figures ("14 days" and "30 days") are never merged.
 */
export function figuresOf(sentence: string): string[] {
  return Array.from(sentence.matchAll(/[$€£%]?\d[\d,.:/-]*%?/g), (match) => match[0].replace(/[.,:-]+$/, ''));
}
