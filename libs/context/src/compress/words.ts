import { ASCII_CLASS, classOf, codePointAt, LETTER, NUMBER, widthOf } from '../shared/code-point-class.js';
import { FNV_OFFSET, FNV_PRIME } from '../shared/fnv1a.js';
import { lowerAscii, sharedVocabulary, type Vocabulary, type WordEntry } from './vocabulary.js';

/**
 * The words of a text: the matches of `[\p{L}\p{N}]+(?:['’][\p{L}]+)?` (flag `u`) in the
 * lower-cased text, as entries of `vocabulary`. Scanned by hand: text whose letters and numbers are all
 * ASCII is lower-cased while it is scanned; any other text is lower-cased whole first, as the
 * regex version did (lower-casing can depend on the neighbours, as Greek final sigma does, or
 * change a word's length, as "İ" does).
 */
export function wordEntriesOf(text: string, vocabulary: Vocabulary = sharedVocabulary): WordEntry[] {
  return scanWords(text, true, vocabulary) ?? (scanWords(text.toLowerCase(), false, vocabulary) as WordEntry[]);
}

/**
 * The terms of a text for relevance scoring: lower-cased words and numbers, stopwords and
 * single letters dropped, lightly stemmed so "refunds"/"refund" and "billed"/"billing" meet.
 */
export function termsOf(text: string, vocabulary: Vocabulary = sharedVocabulary): string[] {
  return wordEntriesOf(text, vocabulary).flatMap((entry) => entry.terms);
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

/** The entries of `text`'s words; with `asciiOnly`, undefined as soon as a non-ASCII letter or number turns up. */
function scanWords(text: string, asciiOnly: boolean, vocabulary: Vocabulary): WordEntry[] | undefined {
  const entries: WordEntry[] = [];
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code < 128) {
      if (((ASCII_CLASS[code] ?? 0) & (LETTER | NUMBER)) === 0) {
        index += 1;
        continue;
      }
    } else {
      const codePoint = codePointAt(text, index);
      if ((classOf(codePoint) & (LETTER | NUMBER)) === 0) {
        index += widthOf(codePoint);
        continue;
      }
      if (asciiOnly) return undefined;
    }
    const start = index;
    let hash = FNV_OFFSET;
    // Letters and numbers, lower-cased and hashed as they go.
    const end = runEnd(text, index, LETTER | NUMBER, asciiOnly);
    if (end < 0) return undefined;
    for (; index < end; index += 1) hash = Math.imul(hash ^ lowerAscii(text.charCodeAt(index)), FNV_PRIME);
    // An apostrophe and the letters after it stay with the word ("it's", "o’clock").
    const mark = text.charCodeAt(index);
    if ((mark === APOSTROPHE || mark === RIGHT_QUOTE) && index + 1 < text.length && (classOf(codePointAt(text, index + 1)) & LETTER) !== 0) {
      const suffixEnd = runEnd(text, index + 1, LETTER, asciiOnly);
      if (suffixEnd < 0) return undefined;
      for (; index < suffixEnd; index += 1) hash = Math.imul(hash ^ lowerAscii(text.charCodeAt(index)), FNV_PRIME);
    }
    entries.push(vocabulary.entry(text, start, index, hash));
  }
  return entries;
}

// The end of a run of code points of `kinds` from `start`; -1 when `asciiOnly` and a non-ASCII one belongs to it.
function runEnd(text: string, start: number, kinds: number, asciiOnly: boolean): number {
  let index = start;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code < 128) {
      if (((ASCII_CLASS[code] ?? 0) & kinds) === 0) return index;
      index += 1;
      continue;
    }
    const codePoint = codePointAt(text, index);
    if ((classOf(codePoint) & kinds) === 0) return index;
    if (asciiOnly) return -1;
    index += widthOf(codePoint);
  }
  return index;
}
