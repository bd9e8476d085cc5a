import { termsOf } from '../shared/context-terms.js';
import { datesOf, type CalendarDate } from './dates.js';
import { NUMBER_WORDS_PATTERN, numberWordValue, ORDINALS } from './number-words.js';
import { overlapsAny, type TextSpan } from './text-span.js';
import { CURRENCIES, RATE_ADVERBS, unitOf, type Dimension } from './units.js';

/** A figure with what it measures: "$1,200", "two weeks", "3–5 business days", "15%", "5 pm", "$12 per user per month". */
export interface Quantity extends TextSpan {
  /** The figure as written ("two" → 2, "$1.2k" → 1200), the lower end of a range. */
  readonly value: number;
  /** The upper end of a range ("3–5 days"); equal to `value` for a single figure. */
  readonly max: number;
  readonly dimension: Dimension;
  /** Canonical unit ("days", "USD", "%", a counted noun's stem); "" for a bare number. */
  readonly unit: string;
  /** `value` and `max` in the dimension's base unit (days, bytes, minutes after midnight…). */
  readonly base: number;
  readonly baseMax: number;
  /** What the figure is per, for rates ("per user per month" → ["user", "month"]), sorted. */
  readonly per: readonly string[];
}

const DIGITS = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
const NUMBER = new RegExp(`(?<![\\w.,/:-])${DIGITS}(?![\\d/:]|\\.\\d)|\\b${NUMBER_WORDS_PATTERN}|\\bhalf\\s(?=an?\\s)|\\b(?:a|an)(?=\\s(?:hour|day|week|month|year|fortnight|minute|quarter)\\b)`, 'gi');
// A digit, a number word, "a"/"an"/"half" before a time unit, or noon/midnight: without one, a text has no quantity.
const MAY_HAVE_FIGURE = new RegExp(`\\d|\\b(?:${NUMBER_WORDS_PATTERN}|an?\\s+(?:hour|day|week|month|year|fortnight|minute|quarter)|noon|midday|midnight|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twelfth)\\b`, 'i');
const CLOCK = /\b(\d{1,2})(?::(\d{2}))?\s?([ap])\.?m\.?(?![a-z])|\b(\d{1,2}):(\d{2})\b|\b(noon|midday|midnight)\b|\b(\d{1,2})(?::(\d{2}))?\s+in the (morning|afternoon|evening)\b/gi;
const ORDINAL = /\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|twelfth|(\d{1,2})(?:st|nd|rd|th))\s+(?!\d)([a-z]+)/gi;
const CURRENCY_BEFORE = /(?:(US\$|C\$|A\$|[$€£¥])|\b(USD|EUR|GBP|CAD|AUD|JPY)\s?)$/i;
const MULTIPLIER = /^(?:\s?(k)\b|\s(thousand|million|billion)\b|(m|bn)\b)/i;
const RANGE_END = new RegExp(`^\\s?(?:-|–|—|to|and)\\s?(?:US\\$|[$€£¥])?(${DIGITS}|${NUMBER_WORDS_PATTERN})`, 'i');
const UNIT_AFTER = /^(?:\s?-\s?|\s)?(%|per\s?cent\b|percent\b|(?:business|working|calendar)[\s-](?:days?|weeks?|hours?|months?)\b|°[CF]\b|[a-zA-Z]+\b)/;
const RATE_AFTER = /^\s?(?:\/|\bper\b|\ba\b|\ban\b|\beach\b|\bevery\b)\s?([a-z]+)\b/i;
const RATE_ADVERB_AFTER = /^,?\s(?:billed\s|paid\s|charged\s)?(hourly|daily|weekly|monthly|yearly|annually|quarterly)\b/i;
// Words that follow a figure without being what it counts.
const NOT_COUNTED = new Set(
  ('a an and or to of in on at for per by from than the is are was were be been will can may must should would could with within after before over under up times x more less fewer higher lower only each every if when ' +
    'you we they it i he she your our their its this that these those there here').split(' '),
);
// The word before "a"/"an" that makes it mean one: "within a week", "for an hour", not "$10 a month".
const ONE_AFTER = new Set('within in for after under over than about around approximately least most only just takes take lasts last'.split(' '));

/**
 * The quantities of a text, in order: money, percentages, durations, sizes, clock times,
 * ordinals ("the first year") and counts, figures written in digits or words. Dates are not
 * quantities (`datesOf`); `dates` are the spans to leave out, when the caller has them. A
 * figure right after a name is part of it ("HDMI 2.0", "Fibre 500"); `names` are lower-cased
 * words known to be names even at the start of a sentence.
 */
export function quantitiesOf(text: string, dates: readonly CalendarDate[] = datesOf(text), names: ReadonlySet<string> = new Set()): Quantity[] {
  // Most sentences state no figure at all: one cheap look before the full patterns.
  if (!MAY_HAVE_FIGURE.test(text)) return [];
  const taken: TextSpan[] = [...dates];
  const quantities: Quantity[] = [...clockTimes(text, taken)];
  taken.push(...quantities);
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(text); match !== null; match = NUMBER.exec(text)) {
    const start = match.index;
    if (overlapsAny(taken, start, start + match[0].length)) continue;
    if (/^an?$/i.test(match[0]) && !ONE_AFTER.has(previousWord(text, start))) continue;
    if (isVersionOfName(text, start, names)) continue;
    const quantity = readQuantity(text, start, match[0], taken);
    if (quantity === undefined) continue;
    quantities.push(quantity);
    taken.push(quantity);
    NUMBER.lastIndex = Math.max(NUMBER.lastIndex, quantity.end);
  }
  quantities.push(...ordinals(text, taken));
  return quantities.sort((left, right) => left.start - right.start);
}

function readQuantity(text: string, start: number, numberText: string, taken: readonly TextSpan[]): Quantity | undefined {
  let value = numberValue(numberText);
  if (value === undefined) return undefined;
  let end = start + numberText.length;
  const currencyMatch = CURRENCY_BEFORE.exec(text.slice(Math.max(0, start - 4), start));
  let currency = currencyMatch === null ? undefined : CURRENCIES.get((currencyMatch[1] ?? currencyMatch[2] ?? '').toLowerCase());
  const spanStart = currencyMatch === null ? start : start - currencyMatch[0].length;

  const multiplier = MULTIPLIER.exec(text.slice(end, end + 12));
  if (multiplier !== null && (multiplier[3] === undefined || currency !== undefined)) {
    value *= scaleOf((multiplier[1] ?? multiplier[2] ?? multiplier[3] ?? '').toLowerCase());
    end += multiplier[0].length;
  }
  let max = value;
  const range = RANGE_END.exec(text.slice(end, end + 40));
  const between = /\bbetween\s+(?:US\$|[$€£¥])?$/i.test(text.slice(Math.max(0, start - 12), start));
  if (range !== null && (!/^\s?and/i.test(range[0]) || between) && !overlapsAny(taken, end, end + range[0].length)) {
    const upper = numberValue(range[1] ?? '');
    if (upper !== undefined && upper >= value) {
      max = upper;
      end += range[0].length;
    }
  }

  let dimension: Dimension = 'number';
  let unit = '';
  let factor = 1;
  const after = UNIT_AFTER.exec(text.slice(end, end + 24)) ?? null;
  const described = describedUnit(text, end);
  if (described !== undefined && (after === null || !isUnitWord(after[1] ?? ''))) {
    end += described.length;
    const per = ratesAfter(text, end);
    const info = described.info;
    return { raw: text.slice(spanStart, per.end), start: spanStart, end: per.end, value, max, dimension: info.dimension, unit: info.unit, base: value * info.factor, baseMax: max * info.factor, per: per.per };
  }
  const word = after?.[1]?.toLowerCase().replace(/[\s-]+/, ' ') ?? '';
  if (currency !== undefined) {
    dimension = 'money';
    unit = currency;
    if (word === 'cents' || word === 'cent') end += after?.[0].length ?? 0;
  } else if (after !== null && (word === '%' || word.replace(' ', '') === 'percent')) {
    dimension = 'percent';
    unit = '%';
    end += after[0].length;
  } else if (after !== null && CURRENCIES.has(word)) {
    dimension = 'money';
    currency = CURRENCIES.get(word) ?? 'USD';
    unit = currency;
    if (word.startsWith('cent')) factor = 0.01;
    end += after[0].length;
  } else if (after !== null && unitOf(word.split(' ')[0] ?? '') !== undefined) {
    // "working weeks" and "working hours" are weeks and hours; only "business/working days" differ from days.
    const [first = '', second = ''] = word.split(' ');
    const info = second !== '' && !/^days?$/.test(second) ? unitOf(second) : unitOf(first);
    if (info !== undefined) {
      dimension = info.dimension;
      unit = info.unit;
      factor = info.factor;
      end += after[0].length;
      // "business days" was read as one unit; "business" alone (not followed by days) is a count.
      if (info.unit === 'business days' && !/days?$/.test(word)) return countOf(text, spanStart, end - after[0].length, value, max, word);
    }
  } else if (after !== null && /^\s/.test(after[0]) && !NOT_COUNTED.has(word) && /^[a-z]/i.test(word)) {
    // "one" counts too loosely ("one named user" for "a single user") to hold against a source.
    if (value === 1 && !/^\d/.test(numberText)) return undefined;
    return countOf(text, spanStart, end, value, max, word);
  }
  // "30% to 39%", "$10–$20": a range whose ends both carry the unit.
  if (max === value && (dimension === 'percent' || dimension === 'money')) {
    const unitPattern = dimension === 'percent' ? `(${DIGITS})\\s?(?:%|per\\s?cent\\b|percent\\b)` : `(?:US\\$|[$€£¥])(${DIGITS})(?!\\s?%)`;
    const repeated = new RegExp(`^\\s?(?:-|–|—|to|and)\\s?${unitPattern}`, 'i').exec(text.slice(end, end + 30));
    const upper = repeated === null ? undefined : numberValue(repeated[1] ?? '');
    const joinedByAnd = repeated !== null && /^\s?and/i.test(repeated[0]);
    if (repeated !== null && upper !== undefined && upper > value && (!joinedByAnd || between) && !overlapsAny(taken, end, end + repeated[0].length)) {
      max = upper;
      end += repeated[0].length;
    }
  }
  // A bare number word is more often a pronoun or an idiom ("one of", "no one") than a figure.
  if (dimension === 'number' && !/^\d/.test(numberText)) return undefined;
  const per = ratesAfter(text, end);
  return {
    raw: text.slice(spanStart, per.end),
    start: spanStart,
    end: per.end,
    value,
    max,
    dimension,
    unit,
    base: value * factor,
    baseMax: max * factor,
    per: per.per,
  };
}

// "3 consecutive days", "5 full working days": a unit after one or two describing words.
const DESCRIBED_UNIT = /^\s+(?:[a-z]+\s+){1,2}?((?:business|working|calendar)\s+days?|[a-z]+)\b/i;
function describedUnit(text: string, from: number): { length: number; info: NonNullable<ReturnType<typeof unitOf>> } | undefined {
  const match = DESCRIBED_UNIT.exec(text.slice(from, from + 40));
  if (match === null) return undefined;
  const between = match[0].slice(0, match[0].length - (match[1] ?? '').length).trim().toLowerCase().split(/\s+/);
  if (between.some((word) => NOT_COUNTED.has(word) || unitOf(word) !== undefined || CURRENCIES.has(word))) return undefined;
  const info = unitOf((match[1] ?? '').toLowerCase().split(/\s+/)[0] ?? '');
  return info === undefined || info.dimension === 'length' || info.dimension === 'mass' ? undefined : { length: match[0].length, info };
}

function isUnitWord(word: string): boolean {
  const lower = word.toLowerCase();
  return lower === '%' || CURRENCIES.has(lower) || unitOf(lower.split(/[\s-]+/)[0] ?? '') !== undefined || /^per\s?cent$|^percent$/.test(lower);
}

// "5 users", "up to 10 seats": the noun is the unit, stemmed so "seat" and "seats" agree.
function countOf(text: string, start: number, numberEnd: number, value: number, max: number, word: string): Quantity {
  const nounEnd = numberEnd + (/^\s*[a-z-]+/i.exec(text.slice(numberEnd))?.[0].length ?? 0);
  const per = ratesAfter(text, nounEnd);
  return { raw: text.slice(start, per.end), start, end: per.end, value, max, dimension: 'count', unit: termsOf(word)[0] ?? word, base: value, baseMax: max, per: per.per };
}

function ratesAfter(text: string, from: number): { per: string[]; end: number } {
  const per: string[] = [];
  let end = from;
  for (let step = 0; step < 3; step += 1) {
    const rest = text.slice(end, end + 40);
    const rate = RATE_AFTER.exec(rest);
    if (rate !== null && !NOT_COUNTED.has((rate[1] ?? '').toLowerCase())) {
      per.push(rateUnit(rate[1] ?? ''));
      end += rate[0].length;
      continue;
    }
    const adverb = RATE_ADVERB_AFTER.exec(rest);
    if (adverb !== null) {
      per.push(RATE_ADVERBS.get((adverb[1] ?? '').toLowerCase()) ?? '');
      end += adverb[0].length;
    }
    break;
  }
  return { per: per.sort(), end };
}

// "months" and "month" are one rate unit; nouns are stemmed ("users" → "user").
function rateUnit(word: string): string {
  const info = unitOf(word.toLowerCase());
  if (info !== undefined && info.dimension === 'duration') return info.unit.replace(/s$/, '');
  // "per kg" and "per kilogram" are one rate; "per MB" and "per GB" are not.
  if (info !== undefined) return `${info.unit}×${info.factor}`;
  return termsOf(word)[0] ?? word.toLowerCase();
}

function clockTimes(text: string, taken: readonly TextSpan[]): Quantity[] {
  const times: Quantity[] = [];
  CLOCK.lastIndex = 0;
  for (let match = CLOCK.exec(text); match !== null; match = CLOCK.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (overlapsAny(taken, start, end)) continue;
    let minutes: number;
    if (match[6] !== undefined) minutes = match[6].toLowerCase() === 'midnight' ? 0 : 720;
    else if (match[9] !== undefined) minutes = ((Number(match[7]) % 12) + (match[9].toLowerCase() === 'morning' ? 0 : 12)) * 60 + Number(match[8] ?? 0);
    else if (match[3] !== undefined) minutes = ((Number(match[1]) % 12) + (match[3].toLowerCase() === 'p' ? 12 : 0)) * 60 + Number(match[2] ?? 0);
    else minutes = Number(match[4]) * 60 + Number(match[5]);
    times.push({ raw: match[0], start, end, value: minutes, max: minutes, dimension: 'clock', unit: 'time of day', base: minutes, baseMax: minutes, per: [] });
  }
  // "9am–5pm": the two ends are one range.
  return times;
}

function ordinals(text: string, taken: readonly TextSpan[]): Quantity[] {
  const found: Quantity[] = [];
  ORDINAL.lastIndex = 0;
  for (let match = ORDINAL.exec(text); match !== null; match = ORDINAL.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (overlapsAny(taken, start, end)) continue;
    const noun = (match[3] ?? '').toLowerCase();
    // Only ranks of time ("the first year", "the second month") bound a policy; "first use" and "second attempt" are said many ways.
    if (unitOf(noun)?.dimension !== 'duration') continue;
    // "a second time" is an ordinal; "30 seconds" was read as a duration already.
    const value = match[2] !== undefined ? Number(match[2]) : (ORDINALS.get((match[1] ?? '').toLowerCase()) ?? 0);
    const unit = unitOf(noun)?.unit ?? noun;
    found.push({ raw: match[0], start, end, value, max: value, dimension: 'ordinal', unit, base: value, baseMax: value, per: [] });
  }
  return found;
}

function numberValue(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d/.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  if (/^half\b/i.test(trimmed)) return 0.5;
  if (/^an?$/i.test(trimmed)) return 1;
  return numberWordValue(trimmed);
}

function scaleOf(word: string): number {
  if (word === 'k' || word === 'thousand') return 1_000;
  if (word === 'm' || word === 'million') return 1_000_000;
  return 1_000_000_000;
}

// "HDMI 2.0", "Wi-Fi 6", "Python 3.10": a figure right after a name is part of the name.
function isVersionOfName(text: string, index: number, names: ReadonlySet<string>): boolean {
  const before = /(?:^|[^\p{L}\p{N}])([\p{L}][\p{L}\p{N}-]*)\s$/u.exec(text.slice(Math.max(0, index - 24), index));
  const word = before?.[1];
  if (word === undefined || CURRENCIES.has(word.toLowerCase())) return false;
  if (/^(?:version|v|release|build|model|gen|generation)$/i.test(word)) return true;
  if (!/^\p{Lu}/u.test(word)) return false;
  if (/\p{Lu}.*\p{Lu}/u.test(word) || names.has(word.toLowerCase())) return true;
  const wordStart = index - 1 - word.length;
  return !/(?:^|[.!?:]\s*|\n\s*)$/.test(text.slice(Math.max(0, wordStart - 3), wordStart));
}

function previousWord(text: string, index: number): string {
  return (/([a-z]+)\s*$/i.exec(text.slice(Math.max(0, index - 24), index))?.[1] ?? '').toLowerCase();
}

/** How `quantity` reads in a reason: its text as written. */
export function describeQuantity(quantity: Quantity): string {
  return quantity.raw.trim();
}
