/** Finds which phrases of a fixed list occur in a list of words. */
export interface PhraseMatcher {
  /** Distinct phrases found, left to right, without overlaps ("step by step" hides its "step"s). */
  matches(words: readonly string[]): Set<string>;
  /** The longest listed phrase starting at word `start`, if any. */
  phraseAt(words: readonly string[], start: number): string | undefined;
}

const WORD_PATTERN = /[a-z0-9]+(?:['’-][a-z0-9]+)*/g;

/**
 * Lower-case words of a text; hyphenated and apostrophe words stay whole ("trade-offs",
 * "don't"). One linear regex pass, which is what keeps feature extraction in microseconds
 * where one big alternation regex per cue list would scan the text once per list.
 */
export function splitWords(lowerCaseText: string): string[] {
  return lowerCaseText.match(WORD_PATTERN) ?? [];
}

/** Builds a matcher for lower-case phrases of one or more words ("step by step", "why"). */
export function createPhraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const known = new Set<string>();
  // Phrases keyed by first word, so most words cost one Map lookup.
  const lengthsByFirstWord = new Map<string, number[]>();
  for (const phrase of phrases) {
    const words = splitWords(phrase.toLowerCase());
    const first = words[0];
    if (first === undefined) continue;
    known.add(words.join(' '));
    const lengths = lengthsByFirstWord.get(first) ?? [];
    if (!lengths.includes(words.length)) lengths.push(words.length);
    lengths.sort((left, right) => right - left);
    lengthsByFirstWord.set(first, lengths);
  }

  const phraseAt = (words: readonly string[], start: number): string | undefined => {
    const first = words[start];
    if (first === undefined) return undefined;
    const lengths = lengthsByFirstWord.get(first);
    if (lengths === undefined) return undefined;
    for (const length of lengths) {
      if (start + length > words.length) continue;
      const candidate = length === 1 ? first : words.slice(start, start + length).join(' ');
      if (known.has(candidate)) return candidate;
    }
    return undefined;
  };

  return {
    phraseAt,
    matches(words) {
      const found = new Set<string>();
      for (let index = 0; index < words.length; ) {
        const phrase = phraseAt(words, index);
        if (phrase === undefined) {
          index += 1;
          continue;
        }
        found.add(phrase);
        index += phrase.split(' ').length;
      }
      return found;
    },
  };
}
