/** Spelled-out numbers ("thirty", "twenty-five", "two hundred", "a dozen") as values. */

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: Readonly<Record<string, number>> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 };

const SMALL = new Map<string, number>([
  ...ONES.map((word, value) => [word, value] as const),
  ...TEENS.map((word, index) => [word, 10 + index] as const),
  ...TENS.flatMap((word, index) => (word === '' ? [] : [[word, index * 10] as const])),
  ['dozen', 12],
]);

/** Ordinals as the count they rank ("third" → 3), for "the first year", "the second month". */
export const ORDINALS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8], ['ninth', 9], ['tenth', 10], ['twelfth', 12],
]);

/**
 * A regex source matching one spelled-out number: "seven", "twenty-five", "twenty five",
 * "one hundred", "a hundred", "a dozen", "two thousand". Case-insensitive use expected.
 */
export const NUMBER_WORDS_PATTERN = (() => {
  const small = `(?:${[...TENS.filter((word) => word !== '')].join('|')})(?:[-\\s](?:${ONES.slice(1).join('|')}))?|${[...TEENS, ...ONES].join('|')}`;
  return `(?:(?:${small}|a)\\s(?:hundred|thousand|million|billion|dozen)|(?:${small}))(?![\\w-])`;
})();

/** The value of a spelled-out number matched by `NUMBER_WORDS_PATTERN`; undefined when it is not one. */
export function numberWordValue(text: string): number | undefined {
  const words = text.toLowerCase().split(/[\s-]+/).filter((word) => word !== '');
  let total = 0;
  let current = 0;
  let any = false;
  for (const word of words) {
    if (word === 'a' || word === 'an') {
      current = Math.max(current, 1);
      continue;
    }
    const small = SMALL.get(word);
    if (small !== undefined) {
      current = word === 'dozen' ? Math.max(current, 1) * 12 : current + small;
      any = true;
      continue;
    }
    const scale = SCALES[word];
    if (scale === undefined) return undefined;
    current = Math.max(current, 1) * scale;
    if (scale >= 1_000) {
      total += current;
      current = 0;
    }
    any = true;
  }
  return any ? total + current : undefined;
}
