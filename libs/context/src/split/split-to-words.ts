import type { TextRange } from '#libs/rag';
import type { TokenCounter } from '../tokens/token-counter.js';

/**
 * Cuts `range` of `text` into consecutive ranges of at most `maxTokens` tokens at spaces (a run
 * without spaces, such as a base64 blob, is cut between characters). Each window's length is
 * guessed from the range's characters per token and then checked, shrinking until it fits.
 */
export function splitRangeToWords(text: string, range: TextRange, maxTokens: number, counter: TokenCounter): TextRange[] {
  if (maxTokens < 1) throw new RangeError(`maxTokens must be at least 1, got ${maxTokens}`);
  const total = counter.count(text.slice(range.start, range.end));
  if (total <= maxTokens) return [range];
  const charactersPerToken = (range.end - range.start) / total;
  const windows: TextRange[] = [];
  let start = range.start;
  while (start < range.end) {
    let guess = Math.min(range.end, start + Math.max(1, Math.floor(maxTokens * charactersPerToken)));
    for (;;) {
      const cut = guess >= range.end ? range.end : spaceBefore(text, start, guess);
      const end = trimEnd(text, start, cut);
      if (end > start && counter.count(text.slice(start, end)) <= maxTokens) {
        windows.push({ start, end });
        start = skipSpace(text, cut, range.end);
        break;
      }
      guess = start + Math.max(1, Math.floor((cut - start) * 0.85));
    }
  }
  return windows;
}

/** `text` cut into pieces of at most `maxTokens` tokens at word boundaries. */
export function splitToWords(text: string, maxTokens: number, counter: TokenCounter): string[] {
  return splitRangeToWords(text, { start: 0, end: text.length }, maxTokens, counter).map((range) => text.slice(range.start, range.end));
}

function spaceBefore(text: string, start: number, guess: number): number {
  const halfway = start + Math.floor((guess - start) / 2);
  for (let index = guess; index > halfway; index -= 1) if (/\s/.test(text.charAt(index))) return index;
  const code = text.charCodeAt(guess);
  // Never cut a surrogate pair in two.
  return code >= 0xdc00 && code <= 0xdfff && guess - 1 > start ? guess - 1 : guess;
}

function trimEnd(text: string, start: number, end: number): number {
  let position = end;
  while (position > start && /\s/.test(text.charAt(position - 1))) position -= 1;
  return position;
}

function skipSpace(text: string, index: number, end: number): number {
  let position = index;
  while (position < end && /\s/.test(text.charAt(position))) position += 1;
  return position;
}
