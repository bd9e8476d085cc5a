import { overlapsAny, type TextSpan } from './text-span.js';

/** A calendar date as written, each part it states (a year alone, a month and day, a full date). */
export interface CalendarDate extends TextSpan {
  readonly year?: number;
  readonly month?: number;
  readonly day?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';

// Most specific first: a span taken by one pattern is not read again by a later one.
const PATTERNS: readonly (readonly [RegExp, (match: RegExpExecArray, text: string) => Omit<CalendarDate, keyof TextSpan> | undefined])[] = [
  [/\b((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})\b/g, (m) => ({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) })],
  [/\b(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})\b/g, (m) => slashDate(Number(m[1]), Number(m[2]), m[3] ?? '')],
  [new RegExp(`\\b${MONTH}\\.?\\s+${DAY}(?:,?\\s+${YEAR})?(?![\\d:])`, 'gi'), (m) => ({ month: monthNumber(m[1]), day: Number(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) })],
  [new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\b\\.?(?:,?\\s+${YEAR})?`, 'gi'), (m) => ({ day: Number(m[1]), month: monthNumber(m[2]), ...(m[3] ? { year: Number(m[3]) } : {}) })],
  [new RegExp(`\\b${MONTH}\\.?,?\\s+(?:of\\s+)?${YEAR}\\b`, 'gi'), (m) => ({ month: monthNumber(m[1]), year: Number(m[2]) })],
  // A month name alone, capitalised so the modal "may" is not read as May.
  [/\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/g, (m) => ({ month: monthNumber(m[1]) })],
  // A year alone, unless it is an amount ("$2025"; "2025 users" is a count, see `isCountAfter`).
  [new RegExp(`(?<![$€£¥\\d.,])\\b${YEAR}\\b(?![.,]?\\d)`, 'g'), (m, text) => (isCountAfter(text, m.index + m[0].length) ? undefined : { year: Number(m[1]) })],
];

const MAY_HAVE_DATE = new RegExp(`\\d|\\b${MONTH}\\b`, 'i');

/** The calendar dates of a text, in order: ISO, US slashes, "Jan 5, 2025", "5 January 2025", "January 2025", month names, years. */
export function datesOf(text: string): CalendarDate[] {
  // Every pattern needs a digit or a month name.
  if (!MAY_HAVE_DATE.test(text)) return [];
  const dates: CalendarDate[] = [];
  for (const [pattern, read] of PATTERNS) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (overlapsAny(dates, start, end)) continue;
      const parts = read(match, text);
      if (parts !== undefined && isPlausible(parts)) dates.push({ raw: match[0], start, end, ...parts });
    }
  }
  return dates.sort((left, right) => left.start - right.start);
}

/** Whether two dates can be the same day: every part both state is equal. */
export function datesAgree(left: CalendarDate, right: CalendarDate): boolean {
  return agrees(left.year, right.year) && agrees(left.month, right.month) && agrees(left.day, right.day);
}

/** Whether two dates state a part in common, so disagreeing means they contradict. */
export function datesComparable(left: CalendarDate, right: CalendarDate): boolean {
  return (left.year !== undefined && right.year !== undefined) || (left.month !== undefined && right.month !== undefined) || (left.day !== undefined && right.day !== undefined && left.month !== undefined && right.month !== undefined);
}

/** "2025-01-05" style, with the parts the text left out omitted: "2025-01", "01-05". */
export function formatDate(date: CalendarDate): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return [date.year === undefined ? undefined : String(date.year), date.month === undefined ? undefined : pad(date.month), date.day === undefined ? undefined : pad(date.day)].filter((part) => part !== undefined).join('-');
}

// "2000 users", "2024 requests": a plural noun right after the figure makes it a count, not a year.
function isCountAfter(text: string, end: number): boolean {
  const next = /^\s+([a-z]+)/.exec(text.slice(end, end + 24))?.[1];
  return next !== undefined && next.length > 3 && next.endsWith('s') && !NOT_PLURAL.has(next);
}
const NOT_PLURAL = new Set(['was', 'has', 'this', 'its', 'his', 'does', 'is', 'thus', 'plus', 'across', 'less', 'unless', 'always', 'process']);

function agrees(left: number | undefined, right: number | undefined): boolean {
  return left === undefined || right === undefined || left === right;
}

// 3/4/2025 is read the US way (March 4) unless the first part cannot be a month.
function slashDate(first: number, second: number, yearText: string): Omit<CalendarDate, keyof TextSpan> {
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return first > 12 ? { year, month: second, day: first } : { year, month: first, day: second };
}

function monthNumber(name: string | undefined): number {
  return MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1;
}

function isPlausible(parts: Omit<CalendarDate, keyof TextSpan>): boolean {
  if (parts.month !== undefined && (parts.month < 1 || parts.month > 12)) return false;
  return parts.day === undefined || (parts.day >= 1 && parts.day <= 31);
}
