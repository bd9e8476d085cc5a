/**
 * Cheap signs that a fact pattern (`fact-features.ts`) can match, found in the pass over a
 * sentence's characters (`scanSentence`) and one lookup per distinct word (`wordSigns`). Each
 * sign is implied by a match of the patterns that require it, so a pattern whose signs are all
 * absent is skipped without changing the result: most sentences have no currency, percent
 * sign, quote mark, weekday, month, unit or name.
 */
export const SIGN = {
  currency: 1 << 0,
  /** A letter that can start usd/eur/gbp/dollars/cents right after a figure (one whitespace allowed). */
  moneyWord: 1 << 1,
  percentSign: 1 << 2,
  quoteMark: 1 << 3,
  /** `-` or `/`, as in 2024-03-15 and 3/15/24. */
  dateSeparator: 1 << 4,
  /** A run of exactly four digits from 19 or 20. */
  year: 1 << 5,
  /** `:`, or a or p right after a figure (one whitespace allowed): 4:00, 4pm, 4 a.m. */
  timeMark: 1 << 6,
  /** Whitespace then a capital: the second word of a name. */
  capitalAfterSpace: 1 << 7,
  unit: 1 << 8,
  numberWord: 1 << 9,
  weekday: 1 << 10,
  month: 1 << 11,
  noonOrMidnight: 1 << 12,
  placeWord: 1 << 13,
  street: 1 << 14,
  percentWord: 1 << 15,
  title: 1 << 16,
} as const;

/** Every sign: what a word gives when its letters are joined to a neighbour's, so no pattern is skipped. */
export const ALL_SIGNS = (1 << 17) - 1;

const WORD_SIGNS = new Map<string, number>();
const addWords = (sign: number, words: string): void => {
  for (const word of words.split(' ')) WORD_SIGNS.set(word, (WORD_SIGNS.get(word) ?? 0) | sign);
};
addWords(SIGN.unit, 'seconds second minutes minute mins min hours hour hrs hr days day nights night weeks week months month years year business working miles mile km kg lbs lb mg ml g');
addWords(SIGN.numberWord, 'one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty sixty ninety');
addWords(SIGN.weekday, 'monday tuesday wednesday thursday friday saturday sunday');
addWords(SIGN.month, 'jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december');
addWords(SIGN.noonOrMidnight, 'noon midnight');
addWords(SIGN.placeWord, 'hall room suite gate floor building');
addWords(SIGN.street, 'street st avenue ave road rd pkwy parkway drive boulevard blvd lane way row');
addWords(SIGN.percentWord, 'percent percentage basis');
addWords(SIGN.title, 'dr mr mrs ms prof');

/**
 * The signs a lower-cased word (a match of `wordEntriesOf`) gives. Each word a pattern needs is a whole
 * word there (its `\b` is a word edge), or a unit glued to the figure before it ("5days"), unless
 * an apostrophe or a non-ASCII letter or number joins it to its neighbours ("x'one", "éday"):
 * such a word gives every sign.
 */
export function wordSigns(word: string): number {
  const signs = WORD_SIGNS.get(word);
  if (signs !== undefined) return signs;
  let digits = 0;
  for (let index = 0; index < word.length; index += 1) {
    const code = word.charCodeAt(index);
    if (isDigit(code)) {
      if (digits === index) digits += 1;
    } else if (code < 97 || code > 122) return ALL_SIGNS;
  }
  return digits > 0 && digits < word.length ? (WORD_SIGNS.get(word.slice(digits)) ?? 0) : 0;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
