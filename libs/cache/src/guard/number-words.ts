const UNITS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const MULTIPLIERS: Readonly<Record<string, number>> = { hundred: 100, dozen: 12, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };
/** Ordinals and multiplicatives that name a number. "second" is left out: it is also a unit of time. */
const STANDALONE: Readonly<Record<string, number>> = {
  first: 1, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  twice: 2, thrice: 3, double: 2, triple: 3, half: 0.5,
};

/** Whether a lower-case word is part of a written number. */
export function isNumberWord(word: string): boolean {
  return word in UNITS || word in MULTIPLIERS || word in STANDALONE;
}

/**
 * Reads written numbers from lower-case words: "two hundred and fifty" → 250, "three thousand
 * five hundred" → 3500, "twenty-five" (as two words) → 25, "twice" → 2, "a dozen" → 12. Calls
 * `emit` once per number with the index range it covered. The words "one" and "a" are left to
 * the caller's judgement: `isPronounOne` says when "one" is not a number.
 */
export function readNumberWords(words: readonly string[], emit: (value: number, from: number, to: number) => void, isPronounOne: (index: number) => boolean): void {
  let index = 0;
  while (index < words.length) {
    const word = words[index] ?? '';
    const standalone = STANDALONE[word];
    if (standalone !== undefined) {
      emit(standalone, index, index + 1);
      index += 1;
      continue;
    }
    if (!(word in UNITS || word in MULTIPLIERS) || (word === 'one' && isPronounOne(index))) {
      index += 1;
      continue;
    }
    const from = index;
    let total = 0;
    let current = 0;
    while (index < words.length) {
      const next = words[index] ?? '';
      const unit = UNITS[next];
      const multiplier = MULTIPLIERS[next];
      if (unit !== undefined) {
        current += unit;
      } else if (multiplier !== undefined) {
        current = (current === 0 ? 1 : current) * multiplier;
        if (multiplier >= 1_000) {
          total += current;
          current = 0;
        }
      } else if (!(next === 'and' && MULTIPLIERS[words[index - 1] ?? ''] !== undefined && UNITS[words[index + 1] ?? ''] !== undefined)) {
        break;
      }
      index += 1;
    }
    emit(total + current, from, index);
  }
}
