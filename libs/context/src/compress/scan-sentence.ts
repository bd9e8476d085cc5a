import { ASCII_CLASS, classOf, codePointAt, LETTER, NUMBER, SPACE } from '../shared/code-point-class.js';
import { SIGN } from './fact-signs.js';
import { ShingleBuilder } from './near-duplicates.js';
import { FNV_OFFSET, FNV_PRIME } from '../shared/fnv1a.js';
import { lowerAscii, sharedVocabulary, type Vocabulary, type WordEntry } from './vocabulary.js';
import { wordEntriesOf } from './words.js';

/** What a sentence's words and characters tell, from one pass over them. */
export interface SentenceScan {
  /** Its words' bag keys in order, with repeats (`WordEntry.keys`), and how many terms they come from. */
  readonly keys: readonly string[];
  readonly terms: number;
  /** Its word 3-gram shingles (`shinglesOf`). */
  readonly shingles: readonly number[];
  /** Whether it has an ASCII digit (`\d`). */
  readonly digit: boolean;
  /** The fact signs of its characters and of its words (`fact-signs.ts`). */
  readonly signs: number;
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const WORDY = LETTER | NUMBER;

/**
 * What a sentence's words (`wordEntriesOf`, entries of `vocabulary`) and characters tell, in
 * one pass over its code units. Words are lower-cased, hashed and looked up as they end while
 * every letter and number is ASCII (punctuation and symbols may be anything); after a non-ASCII
 * letter or number the pass only reads signs, and the words are taken from `wordEntriesOf`,
 * which lower-cases the whole sentence first.
 *
 * Character signs: an ASCII digit; a run of exactly four digits from 19 or 20; `%`, currency
 * symbols, quote marks, `-` and `/`, `:`; and at each letter that follows no ASCII letter, a
 * capital after whitespace, and u/e/g/d/c (currency words) or a/p (am, pm) right after a figure.
 */
export function scanSentence(text: string, vocabulary: Vocabulary = sharedVocabulary): SentenceScan {
  const words = new WordCollector();
  let asciiWords = true;
  let signs = 0;
  let digit = false;
  let digitRun = 0;
  // The two code units before the current one (NaN before the start).
  let previous = Number.NaN;
  let beforePrevious = Number.NaN;
  // The word being read: where it started (-1: none), its hash, and whether it is past an apostrophe (then only letters go on).
  let wordStart = -1;
  let hash = 0;
  let suffix = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const kind = code < 128 ? (ASCII_CLASS[code] ?? 0) : nonAsciiKind(text, index);

    if (asciiWords) {
      if (code >= 128 && (kind & WORDY) !== 0) asciiWords = false;
      else {
        if (wordStart >= 0) {
          if ((kind & (suffix ? LETTER : WORDY)) !== 0) hash = Math.imul(hash ^ lowerAscii(code), FNV_PRIME);
          else if (!suffix && (code === APOSTROPHE || code === RIGHT_QUOTE) && index + 1 < text.length && (nonAsciiKind(text, index + 1) & LETTER) !== 0) {
            suffix = true;
            hash = Math.imul(hash ^ code, FNV_PRIME);
          } else {
            words.add(vocabulary.entry(text, wordStart, index, hash));
            wordStart = -1;
          }
        }
        if (wordStart < 0 && (kind & WORDY) !== 0) {
          wordStart = index;
          hash = Math.imul(FNV_OFFSET ^ lowerAscii(code), FNV_PRIME);
          suffix = false;
        }
      }
    }

    if (code >= 48 && code <= 57) {
      digit = true;
      digitRun += 1;
    } else {
      if (digitRun === 4 && isYearStart(text, index - 4)) signs |= SIGN.year;
      digitRun = 0;
      if ((kind & LETTER) !== 0 && code < 128) {
        if ((previous < 128 ? (ASCII_CLASS[previous] ?? 0) & LETTER : 0) === 0) signs |= letterSigns(code, previous, beforePrevious);
      } else if (code === 0x25) signs |= SIGN.percentSign;
      else if (code === 0x24 || code === 0x20ac || code === 0xa3 || code === 0xa5) signs |= SIGN.currency;
      else if (code === 0x22 || code === 0x201c) signs |= SIGN.quoteMark;
      else if (code === 0x2d || code === 0x2f) signs |= SIGN.dateSeparator;
      else if (code === 0x3a) signs |= SIGN.timeMark;
    }
    beforePrevious = previous;
    previous = code;
  }
  if (digitRun === 4 && isYearStart(text, text.length - 4)) signs |= SIGN.year;
  if (asciiWords && wordStart >= 0) words.add(vocabulary.entry(text, wordStart, text.length, hash));
  return (asciiWords ? words : WordCollector.of(wordEntriesOf(text, vocabulary))).finish(digit, signs);
}

/** Takes a sentence's words in order into its keys, term count, shingles and signs. */
class WordCollector {
  private readonly keys: string[] = [];
  private terms = 0;
  private readonly shingles = new ShingleBuilder();
  private signs = 0;

  static of(entries: readonly WordEntry[]): WordCollector {
    const collector = new WordCollector();
    for (const entry of entries) collector.add(entry);
    return collector;
  }

  add(entry: WordEntry): void {
    for (const key of entry.keys) this.keys.push(key);
    this.terms += entry.terms.length;
    this.shingles.add(entry.hash);
    this.signs |= entry.signs;
  }

  finish(digit: boolean, characterSigns: number): SentenceScan {
    return { keys: this.keys, terms: this.terms, shingles: this.shingles.finish(), digit, signs: this.signs | characterSigns };
  }
}

// The class bits of the code point at `index` (a surrogate pair read whole; its second half, or a lone surrogate, is no letter or number).
function nonAsciiKind(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code < 128 ? (ASCII_CLASS[code] ?? 0) : classOf(codePointAt(text, index));
}

function isYearStart(text: string, start: number): boolean {
  const first = text.charCodeAt(start);
  const second = text.charCodeAt(start + 1);
  return (first === 0x31 && second === 0x39) || (first === 0x32 && second === 0x30);
}

// Signs of an ASCII letter that follows no ASCII letter: a capital after whitespace; a currency word's or am/pm's first letter after a figure.
function letterSigns(code: number, previous: number, beforePrevious: number): number {
  const spaced = isSpace(previous);
  let signs = code <= 0x5a && spaced ? SIGN.capitalAfterSpace : 0;
  const lower = code | 0x20;
  if ((lower === 0x75 || lower === 0x65 || lower === 0x67 || lower === 0x64 || lower === 0x63) && (isFigureCharacter(previous) || (spaced && isFigureCharacter(beforePrevious)))) signs |= SIGN.moneyWord;
  if ((lower === 0x61 || lower === 0x70) && (isDigit(previous) || (spaced && isDigit(beforePrevious)))) signs |= SIGN.timeMark;
  return signs;
}

function isFigureCharacter(code: number): boolean {
  return isDigit(code) || code === 0x2c || code === 0x2e;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isSpace(code: number): boolean {
  return code === code && (classOf(code) & SPACE) !== 0;
}
