import { termsOf } from '../shared/context-terms.js';
import { hasFiniteVerb, isBaseVerb, startsClause, verbWordsOf } from './verbs.js';

/** A part of a sentence, as offsets into it. */
export interface SentencePart {
  readonly start: number;
  readonly end: number;
}

// Where a compound sentence may join two statements: a semicolon, a coordinating conjunction, or a comma before "so", "since", "which"….
// A comma before a phrase that adds a figure or a case ("…, with a maximum of $10,000", "…, rising to £2.50") splits too.
const JOINS = /\s*;\s*|,?\s+(?:and|but|while|whereas|yet|so)\s+(?!(?:then|also|more|so on|the like)\b)|,\s+(?=(?:but|while|whereas|since|because|which|though|although|then|otherwise|with|rising|falling|down from|up from|mostly|mainly|normally|usually|versus|affecting|charged|moving|plus)\b)/gi;
// A sentence opening with a subordinate clause that no comma has closed yet: "If you cancel within 30 days and the item is unused, …".
const OPEN_SUBORDINATE = /^(?:if|unless|when|whenever|provided|as long as|once|because|since|although|though|until|before|after|whether)\b[^,]*$/i;
// Verbs after which a coordinated verb takes its base form.
const BASE_FORM_BEFORE = new Set(['are', 'were', 'have', 'do', 'can', 'could', 'will', 'would', 'may', 'might', 'must', 'should', 'shall']);
const LEADING_ADVERBS = new Set(['usually', 'also', 'then', 'normally', 'typically', 'always', 'never', 'only', 'still', 'generally', 'often', 'currently', 'now', 'otherwise']);
const FIGURE = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|sixty|ninety|hundred)\b/i;

/**
 * Splits a sentence at coordinating conjunctions, semicolons and commas before "so", "since",
 * "which"… where both sides are statements of their own ("X costs $5 and ships in 2 days" → two
 * parts), not a list inside one statement ("cats and dogs are allowed" stays whole), nor a
 * condition still going on ("If you cancel in time and the item is unused, …").
 */
export function splitCompound(sentence: string): SentencePart[] {
  const parts: SentencePart[] = [];
  let start = 0;
  JOINS.lastIndex = 0;
  for (let match = JOINS.exec(sentence); match !== null; match = JOINS.exec(sentence)) {
    const left = sentence.slice(start, match.index);
    const rightEnd = nextJoin(sentence, match.index + match[0].length);
    const right = sentence.slice(match.index + match[0].length, rightEnd);
    if (!joinsStatements(left, right, match[0])) continue;
    parts.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  parts.push({ start, end: sentence.length });
  return parts.filter((part) => sentence.slice(part.start, part.end).trim() !== '');
}

function joinsStatements(left: string, right: string, join: string): boolean {
  const leftWords = verbWordsOf(left);
  const rightWords = verbWordsOf(right);
  const contrast = /;|but|while|whereas|yet/i.test(join);
  // "If you cancel within 30 days and the item is unused, …": the condition goes on.
  if (!contrast && OPEN_SUBORDINATE.test(left.trim())) return false;
  if (!isSubstantial(left) || !isSubstantial(right)) return false;
  // ", since …", ", which …", ", with a maximum of …" add a statement to a complete one; a semicolon always ends one.
  if ((/^,/.test(join) || /;/.test(join)) && hasFiniteVerb(leftWords)) return true;
  const rest = dropLeadingAdverbs(rightWords);
  // "Keep the pack out of reach and store it in the fridge": two instructions.
  if (isBaseVerb(leftWords[0] ?? '') && isBaseVerb(rest[0] ?? '')) return true;
  // "Gift cards are free and arrive by email", "You can return it and get a refund": a plural or modal verb goes on in the base form.
  if (isBaseVerb(rest[0] ?? '') && leftWords.some((word) => BASE_FORM_BEFORE.has(word))) return true;
  return hasFiniteVerb(leftWords) && startsClause(rest);
}

// A statement worth checking on its own: two terms, or one with a figure.
function dropLeadingAdverbs(words: readonly string[]): readonly string[] {
  let start = 0;
  while (start < words.length - 1 && LEADING_ADVERBS.has(words[start] ?? '')) start += 1;
  return words.slice(start);
}

function isSubstantial(text: string): boolean {
  const terms = termsOf(text).length;
  return terms >= 2 || (terms >= 1 && FIGURE.test(text));
}

function nextJoin(sentence: string, from: number): number {
  const pattern = new RegExp(JOINS.source, 'gi');
  pattern.lastIndex = from;
  return pattern.exec(sentence)?.index ?? sentence.length;
}
