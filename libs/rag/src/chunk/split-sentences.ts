/** A half-open range `[start, end)` of a string. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Words that end with a period without ending a sentence (compared lower-case, period dropped). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'e.g', 'i.e', 'eg', 'ie', 'cf', 'fig', 'figs', 'no', 'nos',
  'vol', 'pp', 'p', 'approx', 'inc', 'ltd', 'co', 'corp', 'dept', 'est', 'al', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'art', 'sec', 'ch', 'ref', 'resp', 'min', 'max',
]);

/**
 * Sentence ends: terminal punctuation (with closing quotes or brackets) before whitespace;
 * CJK full stops, which need no space after them; and line breaks before a list item or table row.
 */
const BOUNDARY = /[.!?…]+["'”’)\]]*(?=\s)|[。！？]+|\n(?=[ \t]*(?:[-*+•]|\d{1,3}[.)]|\|)[ \t])/g;

/**
 * The sentences of a paragraph as ranges, whitespace between them excluded. Abbreviations,
 * initials ("J. Smith") and a lower-case continuation ("e.g. this") do not end a sentence.
 * Deliberately rule-based: fast, deterministic, and good enough to pick split points.
 */
export function splitSentences(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let start = skipWhitespace(text, 0);
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(text); match !== null; match = BOUNDARY.exec(text)) {
    const end = match.index + match[0].length;
    const next = skipWhitespace(text, end);
    if (next >= text.length) break;
    if (match[0].startsWith('.') && !endsSentence(text, match.index, next)) continue;
    pushRange(ranges, text, start, end);
    start = next;
  }
  pushRange(ranges, text, start, text.length);
  return ranges;
}

function endsSentence(text: string, periodIndex: number, nextIndex: number): boolean {
  if (/\p{Ll}/u.test(text.charAt(nextIndex))) return false;
  const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, periodIndex - 12), periodIndex))?.[1] ?? '';
  if (word.length === 1 && /\p{Lu}/u.test(word)) return false;
  return !ABBREVIATIONS.has(word.toLowerCase());
}

function skipWhitespace(text: string, index: number): number {
  let position = index;
  while (position < text.length && /\s/.test(text.charAt(position))) position += 1;
  return position;
}

function pushRange(ranges: TextRange[], text: string, start: number, end: number): void {
  let trimmedEnd = end;
  while (trimmedEnd > start && /\s/.test(text.charAt(trimmedEnd - 1))) trimmedEnd -= 1;
  if (trimmedEnd > start) ranges.push({ start, end: trimmedEnd });
}
