/** Words for prose that reads like a policy document; varied enough for the tokenizer to work. */
const WORDS = (
  'refund policy customer order request shipping warehouse delivery business days invoice payment account security ' +
  'laptop encryption device report manager approval travel expense receipt budget quarter review employee contract ' +
  'holiday leave benefit insurance pension salary training onboarding office access badge visitor meeting schedule ' +
  'the a of to and in for with on by within after before under every each must should may will can is are was'
).split(' ');

/** A small, seeded PRNG (mulberry32) so fixtures are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** A sentence of 8–24 words, capitalised and ending with a period. */
export function syntheticSentence(random: () => number): string {
  const length = 8 + Math.floor(random() * 17);
  const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)] ?? 'policy');
  const sentence = words.join(' ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}

/** A paragraph of `sentences` sentences. */
export function syntheticParagraph(random: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => syntheticSentence(random)).join(' ');
}
