/** One word, number or code-like token of a question. */
export interface QuestionToken {
  /** As written (case kept): capitals mark names. */
  readonly text: string;
  readonly lower: string;
  /** First token of a sentence or clause, where a capital says nothing. */
  readonly sentenceStart: boolean;
}

const CONTRACTIONS: readonly (readonly [RegExp, string])[] = [
  [/\bcan't\b/gi, 'can not'],
  [/\bcannot\b/gi, 'can not'],
  [/\bwon't\b/gi, 'will not'],
  [/\bshan't\b/gi, 'shall not'],
  [/n't\b/gi, ' not'],
  [/'re\b/gi, ' are'],
  [/'ve\b/gi, ' have'],
  [/'ll\b/gi, ' will'],
  [/'m\b/gi, ' am'],
  [/'d\b/gi, ' would'],
  // "what's", "the bank's": is, has or a possessive; none of them is a critical word.
  [/'s\b/gi, ''],
  [/s'(?=\s|$)/gi, 's'],
];

const TOKEN_PATTERN =
  /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+|[$€£¥]?\p{N}[\p{N},.:/]*%?\p{L}*|[\p{L}\p{N}]+(?:[-_./][\p{L}\p{N}]+)*/gu;

/**
 * Splits a question into tokens: contractions expanded ("can't" → "can not", so negations are
 * words), e-mail addresses, numbers with their separators and code-like tokens (`v2.1`,
 * `ERR_CONN_RESET`, `api.example.com`) kept whole. `401(k)` becomes `401k`.
 */
export function tokenizeQuestion(text: string): QuestionToken[] {
  let prepared = text.normalize('NFKC').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/(\d)\(([a-z])\)/gi, '$1$2');
  for (const [pattern, replacement] of CONTRACTIONS) prepared = prepared.replace(pattern, replacement);
  const tokens: QuestionToken[] = [];
  let previousEnd = 0;
  for (const match of prepared.matchAll(TOKEN_PATTERN)) {
    const start = match.index;
    let raw = match[0];
    // A number's trailing separator is punctuation: "over $50." or "items 1, 2".
    if (/^[$€£¥]?\p{N}/u.test(raw)) raw = raw.replace(/[,.:/]+$/, '');
    const between = prepared.slice(previousEnd, start);
    tokens.push({ text: raw, lower: raw.toLowerCase(), sentenceStart: tokens.length === 0 || /[.!?:;,"(]/.test(between) });
    previousEnd = start + match[0].length;
  }
  return tokens;
}

/**
 * A light suffix stripper, enough that "cancelled", "canceling" and "cancel" or "charges" and
 * "charged" compare equal. It aims for consistency, not real roots: a final double consonant
 * and a final "e" always go, so "bill" and "billing" both become "bil".
 */
export function stemWord(word: string): string {
  let stem = word.toLowerCase();
  if (stem.length <= 3 || !/^[a-z]+$/.test(stem)) return stem;
  if (stem.endsWith('ies') && stem.length > 4) stem = `${stem.slice(0, -3)}y`;
  else if (/(ch|sh|x|z|ss)es$/.test(stem)) stem = stem.slice(0, -2);
  else if (stem.endsWith('s') && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);
  const withoutIng = stem.endsWith('ing') ? stem.slice(0, -3) : undefined;
  const withoutEd = stem.endsWith('ied') ? `${stem.slice(0, -3)}y` : stem.endsWith('ed') ? stem.slice(0, -2) : undefined;
  const stripped = withoutIng ?? withoutEd;
  if (stripped !== undefined && stripped.length >= 3 && /[aeiouy]/.test(stripped)) stem = stripped;
  // One derivational suffix, so "cancellation", "payment" and "withdrawal" meet their verbs.
  const derived = /^(.{3,}?)(?:ation|ment|al)$/.exec(stem)?.[1];
  if (derived !== undefined && /[aeiouy]/.test(derived)) stem = derived;
  stem = stem.replace(/([b-df-hj-np-tv-z])\1$/, '$1');
  if (stem.length > 3 && stem.endsWith('e')) stem = stem.slice(0, -1);
  return stem;
}
