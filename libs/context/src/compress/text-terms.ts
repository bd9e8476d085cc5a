/** Words that say little about what a sentence is about (compared after lower-casing). */
const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both but by can could ' +
    'did do does doing down during each few for from further had has have having he her here hers him his how i if in into is it its ' +
    'itself just me more most my no nor not now of off on once only or other our ours out over own same she should so some such than ' +
    'that the their theirs them then there these they this those through to too under until up very was we were what when where which ' +
    'while who whom whose why will with would you your yours also may might must shall get got per via us let lets i\'m i\'ve ' +
    'much many long often soon tell please know want need'
  ).split(' '),
);

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

/**
 * The terms of a text for relevance scoring: lower-cased words and numbers, stopwords and
 * single letters dropped, lightly stemmed so "refunds"/"refund" and "billed"/"billing" meet.
 */
export function termsOf(text: string): string[] {
  return termsOfWords(wordsOf(text));
}

/** `termsOf` for words already split by `wordsOf`. */
export function termsOfWords(words: readonly string[]): string[] {
  const terms: string[] = [];
  for (const raw of words) {
    const word = raw.endsWith('s') && /['’]s$/.test(raw) ? raw.slice(0, -2) : raw;
    if (STOPWORDS.has(word)) continue;
    if (word.length === 1 && !/\d/.test(word)) continue;
    const expansion = ABBREVIATIONS.get(word);
    if (expansion !== undefined) terms.push(...expansion);
    else terms.push(stem(word));
  }
  return terms;
}

// Business shorthand that documents usually spell out ("Q3" → "third quarter"), as stems.
const ABBREVIATIONS = new Map<string, readonly string[]>([
  ['q1', ['first', 'quarter']],
  ['q2', ['second', 'quarter']],
  ['q3', ['third', 'quarter']],
  ['q4', ['fourth', 'quarter']],
  ['yoy', ['year']],
  ['fy', ['fiscal', 'year']],
  ['h1', ['first', 'half']],
  ['h2', ['second', 'half']],
]);

/** Normalised words (no stopword removal, no stemming) for near-duplicate shingles. */
export function wordsOf(text: string): string[] {
  return Array.from(text.toLowerCase().matchAll(WORD), (match) => match[0]);
}

function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let root = word;
  if (root.endsWith('ies') && root.length > 4) root = `${root.slice(0, -3)}y`;
  else if (root.endsWith('sses')) root = root.slice(0, -2);
  else if (root.endsWith('ing') && root.length > 5) root = trimDouble(root.slice(0, -3));
  else if (root.endsWith('ed') && root.length > 4) root = trimDouble(root.slice(0, -2));
  else if (root.endsWith('es') && root.length > 4 && /(?:ch|sh|x|ss|zz)es$/.test(root)) root = root.slice(0, -2);
  else if (root.endsWith('s') && !root.endsWith('ss') && !root.endsWith('us') && !root.endsWith('is')) root = root.slice(0, -1);
  // "file"/"filing", "price"/"pricing", "charge"/"charged" meet without the final e.
  if (root.endsWith('e') && root.length > 3) root = root.slice(0, -1);
  return root;
}

const PREFIX_LENGTH = 5;
// Prefix keys share a bag with stems, marked so they never equal one.
const PREFIX_MARK = '~';

/** The bag key of a term's prefix, or undefined for short terms and figures. */
export function prefixKey(term: string): string | undefined {
  const prefix = prefixOf(term);
  return prefix === undefined ? undefined : `${PREFIX_MARK}${prefix}`;
}

/** Term counts for BM25, each term's prefix (`prefixKey`) counted alongside for partial matches. */
export function termBag(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) {
    counts.set(term, (counts.get(term) ?? 0) + 1);
    const prefix = prefixKey(term);
    if (prefix !== undefined) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
  }
  return counts;
}

/** The first letters a term shares with its relatives ("extend", "extension"): a weaker match than the stem. */
export function prefixOf(term: string): string | undefined {
  return term.length >= PREFIX_LENGTH && !/\d/.test(term) ? term.slice(0, PREFIX_LENGTH) : undefined;
}

// "billed" → "bill", "shipping" → "ship": drop the doubled consonant the suffix added.
function trimDouble(root: string): string {
  const last = root.charAt(root.length - 1);
  return root.length > 3 && last === root.charAt(root.length - 2) && !/[aeiouls]/.test(last) ? root.slice(0, -1) : root;
}
