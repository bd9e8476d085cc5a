import { ASCII_CLASS, classOf, codePointAt, LETTER, NUMBER, SPACE, widthOf } from '../shared/code-point-class.js';

/**
 * A tokenizer-free token estimate, for models whose tokenizer is not available here (Anthropic's
 * is not public), as a fast upper bound, and to apportion an exact chunk count among its sentences.
 *
 * The text is cut into the pieces a GPT-style BPE pre-tokenizer makes (words with their leading
 * space, digit groups of up to three, punctuation runs, line breaks) and each piece is priced by
 * its length and script. The prices were fitted on 2026-11-27 against cl100k_base and o200k_base
 * (the larger of the two counts) on the 230 chunks of `__fixtures__/compression-eval.json` plus
 * Markdown, TypeScript, JSON, base64, hex, emoji and eleven languages (en, de, fr, ru, el, ar, hi,
 * th, zh, ja, ko). On the English fixture the raw estimate is 1.14× the exact count; its lowest
 * ratio on any sample was 0.81 (hex digests, German compounds), hence `ESTIMATE_SAFETY_MARGIN`.
 *
 * The pieces were first cut with the regex
 * `'(?:s|t|re|ve|m|ll|d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`
 * (flags `giu`); the scanner below cuts the same pieces in one pass without it, pieces made
 * and bounded by ASCII characters on a fast path, and adds the same prices in the same order,
 * so the numbers are the same to the bit and about ten times faster
 * (`testing/reference-estimate-tokens.ts` keeps the regex version the tests compare against).
 */

/** Multiplier on the raw estimate so it over- rather than under-counts: 1 / 0.81, rounded up. */
export const ESTIMATE_SAFETY_MARGIN = 1.25;

// Base64, hex digests, ids: runs of 16+ of [A-Za-z0-9+/=_-]; BPE vocabularies hold few of their
// fragments (about 1.6 characters a token).
const MIN_OPAQUE_RUN = 16;
const OPAQUE_CHARACTERS_PER_TOKEN = 1.6;

// An ASCII word of up to 6 letters is usually one token; longer ones add one per 2.5 letters.
const ONE_TOKEN_LETTERS = 6;
const LETTERS_PER_EXTRA_TOKEN = 2.5;
// Per character, on top: accented Latin and Cyrillic, CJK, Hangul, other scripts.
const LATIN_EXTENDED_TOKENS = 0.5;
const CJK_TOKENS = 1;
const HANGUL_TOKENS = 1.3;
const OTHER_SCRIPT_TOKENS = 1;
// Punctuation: ASCII runs merge about two characters a token; other symbols and emoji cost two.
const ASCII_PUNCTUATION_PER_TOKEN = 2;
const SYMBOL_TOKENS = 2;

const APOSTROPHE = 0x27;
const SPACE_CHARACTER = 0x20;
const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;
// Under the regex's `i` flag, U+0345 (a combining mark that case-folds to ι) counts as a letter.
const FOLDS_TO_LETTER = 0x345;

/** The raw calibrated estimate of `text`'s tokens (no safety margin), rounded up. */
export function estimateTokens(text: string): number {
  if (text === '') return 0;
  const opaque = priceOpaqueRuns(text);
  return Math.ceil(addPieceTokens(opaque.rest, opaque.tokens));
}

/** Opaque runs priced apart, and the text with each of them replaced by a space. */
function priceOpaqueRuns(text: string): { tokens: number; rest: string } {
  let tokens = 0;
  let parts: string[] | undefined;
  let copiedUpTo = 0;
  let index = 0;
  while (index < text.length) {
    if (!isOpaqueCharacter(text.charCodeAt(index))) {
      index += 1;
      continue;
    }
    let end = index + 1;
    while (end < text.length && isOpaqueCharacter(text.charCodeAt(end))) end += 1;
    if (end - index >= MIN_OPAQUE_RUN) {
      const run = text.slice(index, end);
      if (looksOpaque(run)) {
        tokens += run.length / OPAQUE_CHARACTERS_PER_TOKEN;
        parts ??= [];
        parts.push(text.slice(copiedUpTo, index), ' ');
        copiedUpTo = end;
      }
    }
    index = end;
  }
  if (parts === undefined) return { tokens, rest: text };
  parts.push(text.slice(copiedUpTo));
  return { tokens, rest: parts.join('') };
}

// [A-Za-z0-9+/=_-]
const OPAQUE_CHARACTERS = new Uint8Array(128).map((_, code) => (/[A-Za-z0-9+/=_-]/.test(String.fromCharCode(code)) ? 1 : 0));

function isOpaqueCharacter(code: number): boolean {
  return code < 128 && OPAQUE_CHARACTERS[code] === 1;
}

function looksOpaque(run: string): boolean {
  let upper = 0;
  let lower = 0;
  let digits = 0;
  for (let index = 0; index < run.length; index += 1) {
    const code = run.charCodeAt(index);
    if (code >= 65 && code <= 90) upper += 1;
    else if (code >= 97 && code <= 122) lower += 1;
    else if (code >= 48 && code <= 57) digits += 1;
  }
  const mixedCase = upper >= 3 && lower >= 3 && digits >= 1;
  const hex = digits >= 4 && /^[0-9a-fA-F-]+$/.test(run);
  return mixedCase || hex;
}

/** `tokens` plus the price of every pre-tokenizer piece of `text`, added piece by piece in order. */
function addPieceTokens(text: string, tokens: number): number {
  let total = tokens;
  let index = 0;
  while (index < text.length) {
    const ascii = asciiPieceEnd(text, index);
    const end = ascii > index ? ascii : pieceEnd(text, index);
    total += ascii > index ? asciiPiecePrice(text, index, end) : piecePrice(text, index, end);
    index = end;
  }
  return total;
}

/**
 * Where the piece starting at `start` ends when the piece and every character that decides
 * where it ends are ASCII (nearly every piece of English text); else `start`, and the general
 * scanner below decides. Apostrophes, whose contractions have non-ASCII case folds, go there too.
 */
function asciiPieceEnd(text: string, start: number): number {
  const code = text.charCodeAt(start);
  if (code >= 128 || code === APOSTROPHE) return start;
  const kind = ASCII_CLASS[code] ?? 0;
  if ((kind & LETTER) !== 0) return asciiRunEnd(text, start + 1, LETTER, start);
  const next = start + 1 < text.length ? text.charCodeAt(start + 1) : -1;
  if (next >= 128) return start;
  const nextKind = next < 0 ? -1 : (ASCII_CLASS[next] ?? 0);
  if ((kind & NUMBER) === 0 && code !== CARRIAGE_RETURN && code !== LINE_FEED && nextKind >= 0 && (nextKind & LETTER) !== 0) return asciiRunEnd(text, start + 2, LETTER, start);
  if ((kind & NUMBER) !== 0) {
    let end = start + 1;
    while (end < text.length && end - start < 3) {
      const digit = text.charCodeAt(end);
      if (digit >= 128) return start;
      if ((ASCII_CLASS[digit] ?? 0) !== NUMBER) break;
      end += 1;
    }
    return end;
  }
  if (kind === 0) return asciiSymbolRunEnd(text, start + 1, start);
  if (code === SPACE_CHARACTER && nextKind === 0) return asciiSymbolRunEnd(text, start + 2, start);
  const runEnd = asciiRunEnd(text, start + 1, SPACE, start);
  return runEnd === start ? start : whitespacePieceEnd(text, start);
}

// The end of a run of ASCII characters of `kind` from `from`, or `failed` when a non-ASCII character could continue it.
function asciiRunEnd(text: string, from: number, kind: number, failed: number): number {
  let end = from;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code >= 128) return failed;
    if (((ASCII_CLASS[code] ?? 0) & kind) === 0) break;
    end += 1;
  }
  return end;
}

// ASCII symbols, then any line breaks; `failed` when a non-ASCII character could be another symbol.
function asciiSymbolRunEnd(text: string, from: number, failed: number): number {
  let end = from;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code >= 128) return failed;
    if ((ASCII_CLASS[code] ?? 0) !== 0) break;
    end += 1;
  }
  while (end < text.length && (text.charCodeAt(end) === CARRIAGE_RETURN || text.charCodeAt(end) === LINE_FEED)) end += 1;
  return end;
}

/** `piecePrice` for a piece from `asciiPieceEnd`: a word there is letters after at most one other character. */
function asciiPiecePrice(text: string, start: number, end: number): number {
  const first = ASCII_CLASS[text.charCodeAt(start)] ?? 0;
  if ((first & LETTER) !== 0) return wordTokens(end - start);
  if (start + 1 < end && ((ASCII_CLASS[text.charCodeAt(start + 1)] ?? 0) & LETTER) !== 0) return wordTokens(end - start - 1);
  if ((first & NUMBER) !== 0 || isWhitespace(text, start, end)) return 1;
  return symbolTokens(text, start, end);
}

/** Where the piece starting at `start` ends: the regex's alternatives, tried in its order. */
function pieceEnd(text: string, start: number): number {
  const codePoint = codePointAt(text, start);
  const kind = classOf(codePoint);
  const next = start + widthOf(codePoint);
  if (codePoint === APOSTROPHE) {
    const contraction = contractionEnd(text, next);
    if (contraction > next) return contraction;
  }
  if (isPieceLetter(codePoint, kind)) return letterRunEnd(text, next);
  // One space, symbol or mark (not a line break) before a word belongs to the word.
  if ((kind & NUMBER) === 0 && codePoint !== CARRIAGE_RETURN && codePoint !== LINE_FEED && next < text.length && isPieceLetterAt(text, next)) return letterRunEnd(text, next);
  if ((kind & NUMBER) !== 0) return numberGroupEnd(text, next);
  if (kind === 0) return symbolRunEnd(text, next);
  if (codePoint === SPACE_CHARACTER && next < text.length && isSymbolAt(text, next)) return symbolRunEnd(text, next);
  return whitespacePieceEnd(text, start);
}

/**
 * The price of a piece: a word (a letter first or second) by its letters and script; a digit
 * group or a whitespace run 1; anything else by its symbols. Letters here are `\p{L}` without
 * the `i` flag, as the pricing always read them.
 */
function piecePrice(text: string, start: number, end: number): number {
  const first = codePointAt(text, start);
  const second = start + widthOf(first);
  if ((classOf(first) & LETTER) !== 0 || (second < end && (classOf(codePointAt(text, second)) & LETTER) !== 0)) return letterTokens(text, start, end);
  if ((classOf(first) & NUMBER) !== 0 || isWhitespace(text, start, end)) return 1;
  return symbolTokens(text, start, end);
}

function isWhitespace(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1) if ((classOf(text.charCodeAt(index)) & SPACE) === 0) return false;
  return true;
}

// 's, 't, 're, 've, 'm, 'll, 'd in any case (the `i` flag also lets the long s ſ stand for s).
function contractionEnd(text: string, index: number): number {
  const first = text.charCodeAt(index) | 0x20;
  if (first === 0x73 || first === 0x74 || first === 0x6d || first === 0x64 || text.charCodeAt(index) === 0x17f) return index + 1;
  const second = text.charCodeAt(index + 1) | 0x20;
  if ((first === 0x72 || first === 0x76) && second === 0x65) return index + 2;
  if (first === 0x6c && second === 0x6c) return index + 2;
  return index;
}

function isPieceLetter(codePoint: number, kind: number): boolean {
  return (kind & LETTER) !== 0 || codePoint === FOLDS_TO_LETTER;
}

function isPieceLetterAt(text: string, index: number): boolean {
  const codePoint = codePointAt(text, index);
  return isPieceLetter(codePoint, classOf(codePoint));
}

function isSymbolAt(text: string, index: number): boolean {
  const codePoint = codePointAt(text, index);
  return classOf(codePoint) === 0 && codePoint !== FOLDS_TO_LETTER;
}

function letterRunEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length) {
    const codePoint = codePointAt(text, index);
    if (!isPieceLetter(codePoint, classOf(codePoint))) break;
    index += widthOf(codePoint);
  }
  return index;
}

function numberGroupEnd(text: string, start: number): number {
  let index = start;
  for (let taken = 1; taken < 3 && index < text.length; taken += 1) {
    const codePoint = codePointAt(text, index);
    if ((classOf(codePoint) & NUMBER) === 0) break;
    index += widthOf(codePoint);
  }
  return index;
}

// Symbols (neither whitespace, letter nor number), then any line breaks straight after them.
function symbolRunEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length && isSymbolAt(text, index)) index += widthOf(codePointAt(text, index));
  while (index < text.length && (text.charCodeAt(index) === CARRIAGE_RETURN || text.charCodeAt(index) === LINE_FEED)) index += 1;
  return index;
}

/**
 * A whitespace piece starting at `start`: through the last line break of the run when it has
 * one; else the whole run at the end of the text; else the run but its last character (which
 * leads the next word), unless that is all of it.
 */
function whitespacePieceEnd(text: string, start: number): number {
  let end = start;
  let lastBreak = -1;
  while (end < text.length && (classOf(text.charCodeAt(end)) & SPACE) !== 0) {
    const code = text.charCodeAt(end);
    if (code === CARRIAGE_RETURN || code === LINE_FEED) lastBreak = end;
    end += 1;
  }
  if (lastBreak >= 0) return lastBreak + 1;
  if (end === text.length || end - start < 2) return end;
  return end - 1;
}

function symbolTokens(text: string, start: number, end: number): number {
  let tokens = 0;
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    // A surrogate pair is one symbol: count its high half only.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (code > 127) tokens += SYMBOL_TOKENS;
    else if (code > 32) tokens += 1 / ASCII_PUNCTUATION_PER_TOKEN;
  }
  return Math.max(1, tokens);
}

function letterTokens(text: string, start: number, end: number): number {
  let ascii = 0;
  let latin = 0;
  let extra = 0;
  for (let index = start; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 128) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) ascii += 1;
    } else if (code < 0x250 || (code >= 0x400 && code < 0x530)) latin += 1;
    else if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) extra += CJK_TOKENS;
    else if (code >= 0xac00 && code <= 0xd7af) extra += HANGUL_TOKENS;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // An astral character (rare CJK, historic scripts): one code point, two code units.
      extra += isLetterCode(text.slice(index, Math.min(index + 2, end))) ? OTHER_SCRIPT_TOKENS : OTHER_SCRIPT_TOKENS / 2;
      index += 1;
    } else extra += isLetterCode(text.charAt(index)) ? OTHER_SCRIPT_TOKENS : OTHER_SCRIPT_TOKENS / 2;
  }
  const word = ascii + latin === 0 ? 0 : wordTokens(ascii);
  return word + latin * LATIN_EXTENDED_TOKENS + extra;
}

// Latin and Cyrillic words: one token up to 6 ASCII letters, then one per 2.5 letters more.
function wordTokens(asciiLetters: number): number {
  return asciiLetters <= ONE_TOKEN_LETTERS ? 1 : 1 + (asciiLetters - ONE_TOKEN_LETTERS) / LETTERS_PER_EXTRA_TOKEN;
}

// Any letter in one or two code units (a pair is one code point; after a lone surrogate, the next character counts).
function isLetterCode(characters: string): boolean {
  return characters.length === 1 ? (classOf(characters.charCodeAt(0)) & LETTER) !== 0 : /\p{L}/u.test(characters);
}
