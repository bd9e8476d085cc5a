const UNKNOWN = 0;
const WORD = 1;
const SEPARATOR = 2;
/** Han, kana and Hangul: each character is a word of its own (these scripts do not use spaces). */
const IDEOGRAPH = 3;
/** Combining marks: skipped inside a word, so a decomposed "é" reads as "e". */
const MARK = 4;

const characterClasses = new Uint8Array(0x10000);
const foldedCharacters = new Uint16Array(0x10000);

/** Classifies a UTF-16 code unit once and remembers it: letters and digits fold to lower case without accents. */
function classify(code: number): number {
  const known = characterClasses[code] ?? UNKNOWN;
  if (known !== UNKNOWN) return known;
  let kind = SEPARATOR;
  let folded = code;
  if (code < 0x80) {
    if (code >= 0x41 && code <= 0x5a) {
      kind = WORD;
      folded = code + 0x20;
    } else if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) {
      kind = WORD;
    }
  } else if (code < 0xd800 || code > 0xdfff) {
    const character = String.fromCharCode(code);
    if (/\p{M}/u.test(character)) kind = MARK;
    else if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(character)) kind = IDEOGRAPH;
    else if (/[\p{L}\p{N}]/u.test(character)) {
      kind = WORD;
      const base = character.normalize('NFKD').toLowerCase();
      const first = base.charCodeAt(0);
      folded = /[\p{L}\p{N}]/u.test(base.charAt(0)) && first < 0xd800 ? first : character.toLowerCase().charCodeAt(0);
    }
  }
  characterClasses[code] = kind;
  foldedCharacters[code] = folded;
  return kind;
}

/** Longest word kept; longer runs (hashes, base64) are cut, they carry little meaning anyway. */
export const MAX_WORD_LENGTH = 48;

/**
 * Calls `onWord` with each word of `text`, folded to lower case without accents and lightly
 * stemmed (plural -s/-ies, -ing, -ed with a doubled consonant, final -e), as FNV-1a hashes. One pass over the
 * characters with no string allocation: the embedder's speed depends on it.
 */
export function forEachWordHash(text: string, onWord: (hash: number, length: number) => void): void {
  const word = new Uint16Array(MAX_WORD_LENGTH);
  let length = 0;
  const emit = (): void => {
    if (length === 0) return;
    const stemmed = stem(word, length);
    // Single Latin letters ("s" of "customer's", list labels) carry nothing.
    if (stemmed > 1 || (word[0] ?? 0) > 0x2fff || ((word[0] ?? 0) >= 0x30 && (word[0] ?? 0) <= 0x39)) onWord(hashCodes(word, stemmed), stemmed);
    length = 0;
  };
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // The table answers for every character seen before; classify() fills it the first time.
    const kind = characterClasses[code] || classify(code);
    if (kind === WORD) {
      if (length < MAX_WORD_LENGTH) word[length++] = foldedCharacters[code] ?? code;
    } else if (kind === IDEOGRAPH) {
      emit();
      word[0] = code;
      length = 1;
      emit();
    } else if (kind !== MARK) {
      emit();
    }
  }
  emit();
}

/** The hash `forEachWordHash` gives a single word; used to recognise stop words. */
export function wordHash(word: string): number {
  let found = 0;
  forEachWordHash(word, (hash) => {
    found = hash;
  });
  return found;
}

const CODE_A = 0x61;
const CODE_D = 0x64;
const CODE_E = 0x65;
const CODE_G = 0x67;
const CODE_I = 0x69;
const CODE_N = 0x6e;
const CODE_S = 0x73;
const CODE_U = 0x75;
const CODE_L = 0x6c;
const CODE_O = 0x6f;
const CODE_Y = 0x79;
const CODE_Z = 0x7a;

function isVowel(code: number): boolean {
  return code === CODE_A || code === CODE_E || code === CODE_I || code === CODE_O || code === CODE_U;
}

/** English suffix stripping in place; returns the new length. Crude, but the same on both sides of a comparison. */
function stem(word: Uint16Array, length: number): number {
  // Plain indexed reads, no helper closure: this runs once per word of every chunk.
  let end = length;
  let last = word[end - 1] ?? 0;
  let second = word[end - 2] ?? 0;
  if (end > 4 && last === CODE_S && second === CODE_E && word[end - 3] === CODE_I) {
    word[end - 3] = CODE_Y;
    end -= 2;
  } else if (end > 3 && last === CODE_S && second !== CODE_S && second !== CODE_U && second !== CODE_I && second !== CODE_A) {
    end -= 1;
  }
  last = word[end - 1] ?? 0;
  second = word[end - 2] ?? 0;
  const before = end;
  if (end > 5 && last === CODE_G && second === CODE_N && word[end - 3] === CODE_I) end -= 3;
  else if (end > 4 && last === CODE_D && second === CODE_E) end -= 2;
  if (end < before) {
    last = word[end - 1] ?? 0;
    // "shipping" and "stopped" lose the doubled consonant too: ship, stop ("falling" keeps "fall").
    if (end > 3 && last === word[end - 2] && last !== CODE_L && last !== CODE_S && last !== CODE_Z && !isVowel(last)) end -= 1;
  }
  if (end > 4 && word[end - 1] === CODE_E) end -= 1;
  return end;
}

function hashCodes(codes: Uint16Array, length: number): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < length; index += 1) {
    hash ^= codes[index] ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
