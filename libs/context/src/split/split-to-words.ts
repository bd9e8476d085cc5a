import { splitToFit, type TextRange } from '#libs/rag';
import type { TokenCounter } from '../tokens/token-counter.js';

/**
 * Cuts `range` of `text` into consecutive ranges of at most `maxTokens` tokens at spaces (a run
 * without spaces, such as a base64 blob, is cut between characters): the chunker's `splitToFit`,
 * counting with this model family's counter.
 */
export function splitRangeToWords(text: string, range: TextRange, maxTokens: number, counter: TokenCounter): TextRange[] {
  if (maxTokens < 1) throw new RangeError(`maxTokens must be at least 1, got ${maxTokens}`);
  return splitToFit(text, range, maxTokens, { countTokens: (slice) => counter.count(slice) });
}

/** `text` cut into pieces of at most `maxTokens` tokens at word boundaries. */
export function splitToWords(text: string, maxTokens: number, counter: TokenCounter): string[] {
  return splitRangeToWords(text, { start: 0, end: text.length }, maxTokens, counter).map((range) => text.slice(range.start, range.end));
}
