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

/**
 * The terms of words already split by `wordEntriesOf`, for relevance scoring: stopwords and single
 * letters dropped, lightly stemmed so "refunds"/"refund" and "billed"/"billing" meet.
 */
export function termsOfWords(words: readonly string[]): string[] {
  const terms: string[] = [];
  for (const raw of words) {
    const word = endsWithPossessive(raw) ? raw.slice(0, -2) : raw;
    if (STOPWORDS.has(word)) continue;
    if (word.length === 1 && !isDigit(word.charCodeAt(0))) continue;
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

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;

function stem(word: string): string {
  if (word.length <= 3 || hasDigit(word)) return word;
  let root = word;
  if (root.endsWith('ies') && root.length > 4) root = `${root.slice(0, -3)}y`;
  else if (root.endsWith('sses')) root = root.slice(0, -2);
  else if (root.endsWith('ing') && root.length > 5) root = trimDouble(root.slice(0, -3));
  else if (root.endsWith('ed') && root.length > 4) root = trimDouble(root.slice(0, -2));
  else if (root.endsWith('es') && root.length > 4 && endsWithSibilantEs(root)) root = root.slice(0, -2);
  else if (root.endsWith('s') && !root.endsWith('ss') && !root.endsWith('us') && !root.endsWith('is')) root = root.slice(0, -1);
  // "file"/"filing", "price"/"pricing", "charge"/"charged" meet without the final e.
  if (root.endsWith('e') && root.length > 3) root = root.slice(0, -1);
  return root;
}

// "boxes", "matches", "wishes", "passes", "buzzes": the plural added "es".
function endsWithSibilantEs(root: string): boolean {
  return root.endsWith('ches') || root.endsWith('shes') || root.endsWith('xes') || root.endsWith('sses') || root.endsWith('zzes');
}

// "company's", "firm’s": the possessive is dropped before stemming.
function endsWithPossessive(word: string): boolean {
  if (word.length < 2 || word.charCodeAt(word.length - 1) !== 0x73) return false;
  const mark = word.charCodeAt(word.length - 2);
  return mark === APOSTROPHE || mark === RIGHT_QUOTE;
}

const PREFIX_LENGTH = 5;
// Prefix keys share a bag with stems, marked so they never equal one.
const PREFIX_MARK = '~';

/** The bag key of a term's prefix, or undefined for short terms and figures. */
export function prefixKey(term: string): string | undefined {
  const prefix = prefixOf(term);
  return prefix === undefined ? undefined : `${PREFIX_MARK}${prefix}`;
}

/** The keys BM25 counts for terms, with repeats: each term, then its prefix (`prefixKey`) for partial matches. */
export function termKeys(terms: readonly string[]): string[] {
  const keys: string[] = [];
  for (const term of terms) {
    keys.push(term);
    const prefix = prefixKey(term);
    if (prefix !== undefined) keys.push(prefix);
  }
  return keys;
}

/** The first letters a term shares with its relatives ("extend", "extension"): a weaker match than the stem. */
export function prefixOf(term: string): string | undefined {
  return term.length >= PREFIX_LENGTH && !hasDigit(term) ? term.slice(0, PREFIX_LENGTH) : undefined;
}

// "billed" → "bill", "shipping" → "ship": drop the doubled consonant the suffix added.
function trimDouble(root: string): string {
  const last = root.charAt(root.length - 1);
  return root.length > 3 && last === root.charAt(root.length - 2) && !'aeiouls'.includes(last) ? root.slice(0, -1) : root;
}

/** True when `text` has an ASCII digit (what `\d` matches). */
export function hasDigit(text: string): boolean {
  for (let index = 0; index < text.length; index += 1) if (isDigit(text.charCodeAt(index))) return true;
  return false;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
