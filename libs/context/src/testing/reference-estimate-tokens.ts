/**
 * The calibrated estimate as first written, with the pre-tokenizer regex: the reference the
 * hand-written scanner in `tokens/estimate-tokens.ts` is tested against (same pieces, same
 * prices, same order of additions, so the same numbers). Test-only; not built.
 */
const PIECE = /'(?:s|t|re|ve|m|ll|d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+/giu;
const OPAQUE_RUN = /[A-Za-z0-9+/=_-]{16,}/g;
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

/** `estimateTokens` by regex, as first written. */
export function referenceEstimateTokens(text: string): number {
  if (text === '') return 0;
  let tokens = 0;
  const rest = text.replace(OPAQUE_RUN, (run) => {
    if (!looksOpaque(run)) return run;
    tokens += run.length / OPAQUE_CHARACTERS_PER_TOKEN;
    return ' ';
  });
  PIECE.lastIndex = 0;
  for (let match = PIECE.exec(rest); match !== null; match = PIECE.exec(rest)) {
    tokens += pieceTokens(match[0]);
  }
  return Math.ceil(tokens);
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

function pieceTokens(piece: string): number {
  if (startsWithLetter(piece)) return letterTokens(piece);
  if (/^(?:\p{N}+|\s+)$/u.test(piece)) return 1;
  return symbolTokens(piece);
}

// Letter pieces have their first letter at the first or second code point (after one leading space or symbol).
function startsWithLetter(piece: string): boolean {
  const first = piece.codePointAt(0) ?? 0;
  if (isLetter(first)) return true;
  const second = piece.codePointAt(first > 0xffff ? 2 : 1);
  return second !== undefined && isLetter(second);
}

function isLetter(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /\p{L}/u.test(String.fromCodePoint(code));
}

function symbolTokens(piece: string): number {
  let tokens = 0;
  for (let index = 0; index < piece.length; index += 1) {
    const code = piece.charCodeAt(index);
    // A surrogate pair is one symbol: count its high half only.
    if (code >= 0xdc00 && code <= 0xdfff) continue;
    if (code > 127) tokens += SYMBOL_TOKENS;
    else if (code > 32) tokens += 1 / ASCII_PUNCTUATION_PER_TOKEN;
  }
  return Math.max(1, tokens);
}

function letterTokens(piece: string): number {
  let ascii = 0;
  let latin = 0;
  let extra = 0;
  for (let index = 0; index < piece.length; index += 1) {
    const code = piece.charCodeAt(index);
    if (code < 128) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) ascii += 1;
    } else if (code < 0x250 || (code >= 0x400 && code < 0x530)) latin += 1;
    else if ((code >= 0x3040 && code <= 0x30ff) || (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) extra += CJK_TOKENS;
    else if (code >= 0xac00 && code <= 0xd7af) extra += HANGUL_TOKENS;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // An astral character (rare CJK, historic scripts): one code point, two code units.
      extra += /\p{L}/u.test(piece.slice(index, index + 2)) ? OTHER_SCRIPT_TOKENS : OTHER_SCRIPT_TOKENS / 2;
      index += 1;
    } else extra += /\p{L}/u.test(piece.charAt(index)) ? OTHER_SCRIPT_TOKENS : OTHER_SCRIPT_TOKENS / 2;
  }
  // Latin and Cyrillic words: one token up to 6 ASCII letters, then one per 2.5 letters more.
  const word = ascii + latin === 0 ? 0 : ascii <= ONE_TOKEN_LETTERS ? 1 : 1 + (ascii - ONE_TOKEN_LETTERS) / LETTERS_PER_EXTRA_TOKEN;
  return word + latin * LATIN_EXTENDED_TOKENS + extra;
}
