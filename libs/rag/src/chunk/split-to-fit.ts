import type { TextRange } from './split-sentences.js';
import type { Tokenizer } from './tokenizer.js';

/**
 * Cuts a range that is longer than `limit` tokens into consecutive ranges of at most `limit`
 * tokens, at word boundaries where there are any (a run without spaces, such as a base64 blob,
 * is cut between characters). Each window's length is guessed from the range's tokens per
 * character and then checked exactly, so a long range costs about two tokenizer passes.
 */
export function splitToFit(text: string, range: TextRange, limit: number, tokenizer: Pick<Tokenizer, 'countTokens'>, knownTokens?: number): TextRange[] {
  const total = knownTokens ?? tokenizer.countTokens(text.slice(range.start, range.end));
  if (total <= limit) return [range];
  const charactersPerToken = (range.end - range.start) / total;
  const windows: TextRange[] = [];
  let start = range.start;
  while (start < range.end) {
    let guess = Math.min(range.end, start + Math.max(1, Math.floor(limit * charactersPerToken)));
    for (;;) {
      const cut = guess >= range.end ? range.end : wordBoundaryBefore(text, start, guess);
      const end = trimEnd(text, start, cut);
      if (end > start && tokenizer.countTokens(text.slice(start, end)) <= limit) {
        windows.push({ start, end });
        start = skipWhitespace(text, cut, range.end);
        break;
      }
      // Too many tokens in the guessed window: shrink it and look again.
      guess = start + Math.max(1, Math.floor((cut - start) * 0.85));
    }
  }
  return windows;
}

function wordBoundaryBefore(text: string, start: number, guess: number): number {
  const halfway = start + Math.floor((guess - start) / 2);
  for (let index = guess; index > halfway; index -= 1) {
    if (/\s/.test(text.charAt(index))) return index;
  }
  // No space in the second half of the window: cut here, but never inside a surrogate pair.
  const code = text.charCodeAt(guess);
  return code >= 0xdc00 && code <= 0xdfff && guess - 1 > start ? guess - 1 : guess;
}

function trimEnd(text: string, start: number, end: number): number {
  let position = end;
  while (position > start && /\s/.test(text.charAt(position - 1))) position -= 1;
  return position;
}

function skipWhitespace(text: string, index: number, end: number): number {
  let position = index;
  while (position < end && /\s/.test(text.charAt(position))) position += 1;
  return position;
}
