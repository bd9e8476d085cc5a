import { termsOf } from './context-terms.js';
import { canonicalTerm } from './synonyms.js';

/** One word of a text with where it is, its canonical terms and its form for name matching. */
export interface ScannedWord {
  readonly start: number;
  readonly end: number;
  /** `termsOf` of the word, synonyms folded (none for a stopword, two for "q3"). */
  readonly terms: readonly string[];
  /** Lower-cased, possessive or plural "s" dropped ("Acme's" → "acme"): how names are matched. */
  readonly name: string;
}

// The words `termsOf` reads: `[\p{L}\p{N}]+(?:['’][\p{L}]+)?`.
const WORD = /[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu;
const MAX_CACHED = 1 << 15;
const cache = new Map<string, { terms: readonly string[]; name: string }>();

/**
 * The words of a text in one pass, each word's terms worked out once per process (a bounded
 * cache that starts over when full), so sentence terms, clause terms, the terms around each
 * figure and the name forms all come from the same scan.
 */
export function scanWords(text: string): ScannedWord[] {
  const words: ScannedWord[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const word = match[0];
    let entry = cache.get(word);
    if (entry === undefined) {
      if (cache.size >= MAX_CACHED) cache.clear();
      entry = { terms: termsOf(word).map(canonicalTerm), name: normaliseWord(word) };
      cache.set(word, entry);
    }
    words.push({ start: match.index, end: match.index + word.length, terms: entry.terms, name: entry.name });
  }
  return words;
}

/** The terms of the words inside `[start, end)`, in order. */
export function termsWithin(words: readonly ScannedWord[], start: number, end: number): string[] {
  const terms: string[] = [];
  for (const word of words) if (word.start >= start && word.end <= end) terms.push(...word.terms);
  return terms;
}

/** A word as names are matched: lower-cased, without a possessive or plural "s" ("Acme's", "Pros"). */
export function normaliseWord(word: string): string {
  return word.toLowerCase().replace(/['’]s$/, '').replace(/(?<=[a-z]{3})s$/, '');
}
