/** Spelled-out numbers up to a hundred ("thirty", "twenty-five", "a hundred") and scale words, as values. */

const SMALL: ReadonlyMap<string, number> = new Map(
  ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'].map(
    (word, value) => [word, value] as const,
  ),
);
const TENS: ReadonlyMap<string, number> = new Map(['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map((word, index) => [word, (index + 2) * 10] as const));

/** Words that multiply the number before them: "1.2 million", "two hundred", "$5k". */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 100],
  ['thousand', 1_000],
  ['k', 1_000],
  ['million', 1_000_000],
  ['billion', 1_000_000_000],
  ['bn', 1_000_000_000],
]);

/**
 * The number spelled by the words starting at `tokens[start]` ("twenty" "five" → 25, "ninety" →
 * 90, "seven" → 7) and how many tokens it takes; undefined when the token is not a number word.
 */
export function readNumberWords(tokens: readonly string[], start: number): { value: number; length: number } | undefined {
  const first = tokens[start] ?? '';
  const small = SMALL.get(first);
  if (small !== undefined) return { value: small, length: 1 };
  const tens = TENS.get(first);
  if (tens === undefined) return undefined;
  const ones = SMALL.get(tokens[start + 1] ?? '');
  return ones !== undefined && ones >= 1 && ones <= 9 ? { value: tens + ones, length: 2 } : { value: tens, length: 1 };
}
