/**
 * Chunk analysis as first written, with regexes throughout: the reference the hand-written
 * scanners of `compress/` are tested against (same lines, sentences, words, terms, bags, facts,
 * figures and shingles). Token figures are left out: they are apportioned differently now (see
 * `compress/sentence-tokens.ts`). Test-only; not built.
 */
import { splitSentences, type TextRange } from '#libs/rag';

/** One sentence's features, as the first analysis computed them. */
export interface ReferenceSentence {
  readonly text: string;
  readonly bag: Map<string, number>;
  readonly length: number;
  readonly facts: number;
  readonly shingles: number[];
  readonly figures: Set<string>;
  readonly continuation: boolean;
}

/** One line's features, as the first analysis computed them. */
export interface ReferenceLine {
  readonly text: string;
  readonly boilerplate: boolean;
  readonly furnitureKey: string | undefined;
  readonly heading: boolean;
  readonly sentences: ReferenceSentence[];
}

const CONTINUATION = /^(?:it|its|this|that|these|those|they|their|he|she|after that|then|once|otherwise|if so|in that case|however|also|and)\b/i;

/** The lines of `text` with their sentences, analysed the first way. */
export function referenceAnalyze(text: string): ReferenceLine[] {
  const lines: ReferenceLine[] = [];
  for (const raw of text.split('\n')) {
    const line = referenceNormalizeWhitespace(raw);
    if (line === '') continue;
    const ranges = joinAbbreviationSplits(line, splitSentences(line));
    const sentences = ranges.map((range): ReferenceSentence => {
      const sentence = line.slice(range.start, range.end);
      const words = referenceWordsOf(sentence);
      const terms = referenceTermsOfWords(words);
      return {
        text: sentence,
        bag: referenceTermBag(terms),
        length: terms.length,
        facts: referenceFactMask(sentence),
        shingles: referenceShinglesOf(words),
        figures: new Set(referenceFiguresOf(sentence)),
        continuation: CONTINUATION.test(sentence),
      };
    });
    const furniture = !/\d/.test(line) && !line.startsWith('|') && line.split(' ').length <= 12;
    lines.push({
      text: line,
      boilerplate: referenceIsBoilerplateLine(line),
      furnitureKey: furniture ? line.toLowerCase() : undefined,
      heading: ranges.length === 1 && isHeading(line),
      sentences,
    });
  }
  return lines;
}

/**
 * Re-joins sentences the splitter cut after an abbreviation such as "p.m." or "U.S." when the
 * next one starts with a short capitalised code or a figure ("4:00 p.m. ET on a business day"),
 * so a time and its zone stay one fact.
 */
function joinAbbreviationSplits(line: string, ranges: readonly TextRange[]): TextRange[] {
  const joined: TextRange[] = [];
  for (const range of ranges) {
    const previous = joined[joined.length - 1];
    const next = line.slice(range.start, range.end);
    if (previous !== undefined && /(?:\b[a-z]\.){2,}$/i.test(line.slice(previous.start, previous.end)) && /^(?:[A-Z]{2,4}\b|\d)/.test(next)) {
      joined[joined.length - 1] = { start: previous.start, end: range.end };
    } else joined.push(range);
  }
  return joined;
}

// "## Billing", "Battery coverage", "PLAN", "Section 5: Lodging": short, no sentence punctuation.
function isHeading(line: string): boolean {
  if (line.startsWith('#')) return true;
  return line.split(' ').length <= 8 && !/[.!?]["'”)]?$/.test(line) && !line.startsWith('|') && !/^[-*•\d]/.test(line);
}

/** Words that say little about what a sentence is about (compared after lower-casing). */
const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by can could ' +
    'did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its ' +
    'itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than ' +
    'that the their theirs them then there these they this those through to too under until up very was we were what when where which ' +
    'while who whom whose why will with would you your yours also may might must shall get got per via us let lets i\'m i\'ve ' +
    'much many long often soon tell please know want need'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/** `termsOf` for words already split by `wordsOf`. */
export function referenceTermsOfWords(words: readonly string[]): string[] {
  const terms: string[] = [];
  for (const raw of words) {
    const word = raw.endsWith('s') && /['’]s$/.test(raw) ? raw.slice(0, -2) : raw;
    if (STOPWORDS.has(word)) continue;
    if (word.length === 1 && !/\d/.test(word)) continue;
    const expansion = ABBREVIATIONS.get(word);
    if (expansion !== undefined) terms.push(...expansion);
    else terms.push(stem(word));
  }
  return terms;
}

// Business shorthand that documents usually spell out ("Q3" → "third quarter"), as stems.
const ABBREVIATIONS = new Map<string, readonly string[]>([
  ['q1', ['first', 'quarter']],
  ['q2', ['second', 'quarter']],
  ['q3', ['third', 'quarter']],
  ['q4', ['fourth', 'quarter']],
  ['yoy', ['year']],
  ['fy', ['fiscal', 'year']],
  ['h1', ['first', 'half']],
  ['h2', ['second', 'half']],
]);

/** Normalised words (no stopword removal, no stemming) for near-duplicate shingles. */
export function referenceWordsOf(text: string): string[] {
  return Array.from(text.toLowerCase().matchAll(WORD), (match) => match[0]);
}

function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let root = word;
  if (root.endsWith('ies') && root.length > 4) root = `${root.slice(0, -3)}y`;
  else if (root.endsWith('sses')) root = root.slice(0, -2);
  else if (root.endsWith('ing') && root.length > 5) root = trimDouble(root.slice(0, -3));
  else if (root.endsWith('ed') && root.length > 4) root = trimDouble(root.slice(0, -2));
  else if (root.endsWith('es') && root.length > 4 && /(?:ch|sh|x|ss|zz)es$/.test(root)) root = root.slice(0, -2);
  else if (root.endsWith('s') && !root.endsWith('ss') && !root.endsWith('us') && !root.endsWith('is')) root = root.slice(0, -1);
  // "file"/"filing", "price"/"pricing", "charge"/"charged" meet without the final e.
  if (root.endsWith('e') && root.length > 3) root = root.slice(0, -1);
  return root;
}

const PREFIX_LENGTH = 5;
// Prefix keys share a bag with stems, marked so they never equal one.
const PREFIX_MARK = '~';

/** The bag key of a term's prefix, or undefined for short terms and figures. */
function prefixKey(term: string): string | undefined {
  const prefix = prefixOf(term);
  return prefix === undefined ? undefined : `${PREFIX_MARK}${prefix}`;
}

/** Term counts for BM25, each term's prefix (`prefixKey`) counted alongside for partial matches. */
export function referenceTermBag(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) {
    counts.set(term, (counts.get(term) ?? 0) + 1);
    const prefix = prefixKey(term);
    if (prefix !== undefined) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  return counts;
}

/** The first letters a term shares with its relatives ("extend", "extension"): a weaker match than the stem. */
function prefixOf(term: string): string | undefined {
  return term.length >= PREFIX_LENGTH && !/\d/.test(term) ? term.slice(0, PREFIX_LENGTH) : undefined;
}

// "billed" → "bill", "shipping" → "ship": drop the doubled consonant the suffix added.
function trimDouble(root: string): string {
  const last = root.charAt(root.length - 1);
  return root.length > 3 && last === root.charAt(root.length - 2) && !/[aeiouls]/.test(last) ? root.slice(0, -1) : root;
}

/** Kinds of fact a sentence can carry, as bits; answers are usually one of these. */
const FACT = { money: 1, percent: 2, duration: 4, date: 8, time: 16, number: 32, name: 64, quote: 128, place: 256 } as const;

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
export function referenceFactMask(sentence: string): number {
  let mask = 0;
  if (/\d/.test(sentence)) {
    mask |= FACT.number;
    for (const [bit, pattern] of WITH_DIGITS) if ((mask & bit) === 0 && pattern.test(sentence)) mask |= bit;
  }
  for (const [bit, pattern] of WITHOUT_DIGITS) if ((mask & bit) === 0 && pattern.test(sentence)) mask |= bit;
  return mask;
}

/**
 * The literal figures of a sentence (numbers with their symbols), so two sentences that read
 * alike but state different figures ("14 days" and "30 days") are never merged.
 */
export function referenceFiguresOf(sentence: string): string[] {
  return Array.from(sentence.matchAll(/[$€£%]?\d[\d,.:/-]*%?/g), (match) => match[0].replace(/[.,:-]+$/, ''));
}

const SHINGLE_WORDS = 3;

/**
 * A sentence's distinct word 3-grams (its words from `wordsOf`; the whole sentence when shorter than three) as
 * 30-bit hashes: small integers make the index cheap, and a rare collision only nudges an
 * overlap count.
 */
export function referenceShinglesOf(words: readonly string[]): number[] {
  if (words.length < SHINGLE_WORDS) return words.length === 0 ? [] : [hash30(words.join(' '))];
  const shingles = new Set<number>();
  for (let index = 0; index + SHINGLE_WORDS <= words.length; index += 1) shingles.add(hash30(`${words[index]} ${words[index + 1]} ${words[index + 2]}`));
  return [...shingles];
}

// FNV-1a, folded to 30 bits so V8 keeps it a small integer.
function hash30(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 2) & 0x3fffffff;
}

/** Lines that carry site furniture rather than content: navigation, legal footers, cookie banners. */
const BOILERPLATE = [
  /^skip to (?:main )?content\b/i,
  /^(?:back to top|print this page|read more|see more|show more|load more)\b/i,
  /^(?:was this (?:article|page|answer|information) helpful|did this (?:article|page) help|is this page useful)\b/i,
  /\b(?:we|this site|this website) uses? cookies\b|\baccept (?:all )?cookies\b|\bcookie (?:settings|preferences|policy)\b/i,
  /\ball rights reserved\b/i,
  /^(?:©|\(c\)|copyright\b)/i,
  /^(?:share|follow us|subscribe)\b.{0,60}$/i,
  /^(?:edit this page|last updated by|report a bug|download pdf)\b/i,
  /^page \d+ of \d+$/i,
];

// A menu or breadcrumb: at least three short items between separators, none of them a figure.
const SEPARATOR = /\s+[|·•›»>]\s+|\s+\/\s+/;

/** True when a line is navigation, a legal footer, a cookie notice or another piece of site furniture. */
export function referenceIsBoilerplateLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('|') || trimmed.startsWith('#')) return false;
  if (BOILERPLATE.some((pattern) => pattern.test(trimmed))) return true;
  const items = trimmed.split(SEPARATOR);
  return items.length >= 3 && !/\d/.test(trimmed) && items.every((item) => item.split(/\s+/).length <= 4 && !/[.!?]$/.test(item));
}

/** Collapses runs of spaces and tabs, trims the line; line breaks are handled by the caller. */
export function referenceNormalizeWhitespace(line: string): string {
  return line.replace(/[ \t\u00a0\u2000-\u200b]+/g, ' ').trim();
}
