import { splitSentences, type TextRange } from '#libs/rag';
import type { TokenCounter } from '../tokens/token-counter.js';
import { splitRangeToWords } from './split-to-words.js';

/** One part of a long input: a slice of the original text. */
export interface InputPart {
  /** 0-based position among the parts. */
  readonly index: number;
  readonly text: string;
  readonly tokens: number;
  /** Where the part sits in the original text, `[start, end)`. */
  readonly start: number;
  readonly end: number;
}

/**
 * Cuts a long user input (a pasted document) into consecutive parts of at most `maxPartTokens`
 * tokens, for map-reduce summarising or an ephemeral per-request document. Parts end at
 * paragraph breaks where they can, else at sentence ends, else at spaces; every part is a
 * verbatim slice, and together they cover every non-blank character, so nothing is lost.
 */
export function splitOversizedInput(text: string, maxPartTokens: number, counter: TokenCounter): InputPart[] {
  if (!Number.isInteger(maxPartTokens) || maxPartTokens < 1) throw new RangeError(`maxPartTokens must be a positive integer, got ${maxPartTokens}`);
  const pieces: TextRange[] = [];
  for (const paragraph of paragraphRanges(text)) {
    if (counter.count(text.slice(paragraph.start, paragraph.end)) <= maxPartTokens) {
      pieces.push(paragraph);
      continue;
    }
    for (const sentence of splitSentences(text.slice(paragraph.start, paragraph.end))) {
      const absolute = { start: paragraph.start + sentence.start, end: paragraph.start + sentence.end };
      pieces.push(...splitRangeToWords(text, absolute, maxPartTokens, counter));
    }
  }
  return packRanges(text, pieces, maxPartTokens, counter);
}

// Consecutive pieces share a part while the part's exact count stays within the limit.
function packRanges(text: string, pieces: readonly TextRange[], maxPartTokens: number, counter: TokenCounter): InputPart[] {
  const parts: InputPart[] = [];
  let current: { start: number; end: number; tokens: number } | undefined;
  const flush = (): void => {
    if (current === undefined) return;
    parts.push({ index: parts.length, text: text.slice(current.start, current.end), tokens: current.tokens, start: current.start, end: current.end });
    current = undefined;
  };
  for (const piece of pieces) {
    const pieceTokens = counter.count(text.slice(piece.start, piece.end));
    if (current !== undefined) {
      // The pieces' sum plus the gap bounds the joined count; count exactly only near the limit.
      const bound = current.tokens + counter.count(text.slice(current.end, piece.start)) + pieceTokens;
      const joined = bound <= maxPartTokens * 0.9 ? bound : counter.count(text.slice(current.start, piece.end));
      if (joined <= maxPartTokens) {
        current = { start: current.start, end: piece.end, tokens: joined };
        continue;
      }
      flush();
    }
    current = { start: piece.start, end: piece.end, tokens: pieceTokens };
  }
  flush();
  return parts;
}

function paragraphRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  const blank = /\n[ \t]*\n\s*/g;
  let start = 0;
  for (let match = blank.exec(text); match !== null; match = blank.exec(text)) {
    pushTrimmed(ranges, text, start, match.index);
    start = match.index + match[0].length;
  }
  pushTrimmed(ranges, text, start, text.length);
  return ranges;
}

function pushTrimmed(ranges: TextRange[], text: string, start: number, end: number): void {
  let from = start;
  let to = end;
  while (from < to && /\s/.test(text.charAt(from))) from += 1;
  while (to > from && /\s/.test(text.charAt(to - 1))) to -= 1;
  if (to > from) ranges.push({ start: from, end: to });
}
