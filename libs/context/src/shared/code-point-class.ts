/**
 * What the hand-written scanners need to know about a character, as bits: whether it is a letter
 * (`\p{L}`), a number (`\p{N}`) or whitespace (`\s`), exactly as the `u`-flag regexes they replace
 * see it. ASCII is answered from a table; other code points are asked of those regexes once and
 * remembered, so scanning non-English text stays correct and gets fast after the first sighting.
 */
export const LETTER = 1;
export const NUMBER = 2;
export const SPACE = 4;

const KNOWN = 8;
/** The class of each ASCII character, for scanners' fast paths. */
export const ASCII_CLASS: Readonly<Uint8Array> = new Uint8Array(128).map((_, code) => classify(code));
const ascii = ASCII_CLASS;
// One byte per BMP code point (64 KiB), filled in as code points are met; astral ones in a map.
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, number>();

/** `LETTER`, `NUMBER`, `SPACE` bits of a code point (0 for punctuation, symbols and lone surrogates). */
export function classOf(codePoint: number): number {
  if (codePoint < 128) return ascii[codePoint] ?? 0;
  if (codePoint < 0x10000) {
    let known = bmp[codePoint] ?? 0;
    if (known === 0) {
      known = classify(codePoint) | KNOWN;
      bmp[codePoint] = known;
    }
    return known & ~KNOWN;
  }
  let known = astral.get(codePoint);
  if (known === undefined) {
    known = classify(codePoint);
    astral.set(codePoint, known);
  }
  return known;
}

/**
 * The code point at `index` of `text`, as the `u` flag reads it: a surrogate pair is one code
 * point of two code units, a lone surrogate one of its own.
 */
export function codePointAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff || index + 1 >= text.length) return code;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff ? (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000 : code;
}

/** Code units taken by `codePoint` (2 above the BMP). */
export function widthOf(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
}

function classify(codePoint: number): number {
  const character = String.fromCodePoint(codePoint);
  return (/\p{L}/u.test(character) ? LETTER : 0) | (/\p{N}/u.test(character) ? NUMBER : 0) | (/\s/u.test(character) ? SPACE : 0);
}
