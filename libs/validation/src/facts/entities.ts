import { type TextSpan } from './text-span.js';

/** A name as written ("Acme Cloud", "Pro", "SSO", "GPT-4o"), with its lower-cased words ("gpt", "4o"). */
export interface NamedEntity extends TextSpan {
  readonly words: readonly string[];
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}&+]*(?:['’.-][\p{L}\p{N}&+]+)*/gu;
// Capitalised for grammar, not because they name something; months and weekdays are dates.
const NOT_NAMES = new Set(
  ('i im ive ill id a an the this that these those it its you your we our they their he she his her if when yes no ok please note ' +
    'however also january february march april may june july august september october november december monday tuesday wednesday ' +
    'thursday friday saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun ' +
    'sources source step q1 q2 q3 q4 usd eur gbp am pm').split(' '),
);

/**
 * The names of a text: capitalised words that do not just start a sentence, words with inner
 * capitals or mixed letters and figures (iPhone, SSO, S3), runs of them joined ("Acme Cloud
 * Pro"). A capitalised first word counts when `knownNames` (lower-cased words the sources
 * capitalise mid-sentence) has it, so "Premium members…" names Premium when the sources do.
 */
export function entitiesOf(text: string, knownNames: ReadonlySet<string> = new Set()): NamedEntity[] {
  const entities: NamedEntity[] = [];
  let run: { start: number; end: number; words: string[] } | undefined;
  let previousEnd = 0;
  let firstToken = true;
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(text); match !== null; match = TOKEN.exec(text)) {
    const token = match[0];
    const start = match.index;
    const nextToRun = run !== undefined && start - previousEnd === 1 && text.charCodeAt(previousEnd) === 0x20;
    // Most words have no capital and no figure: nothing more to look at.
    const candidate = hasCapital(token) || (nextToRun && isDigits(token));
    let name = false;
    let parts: string[] = [];
    if (candidate) {
      const lower = token.toLowerCase().replace(/['’]s$/, '');
      parts = lower.split(/[^\p{L}\p{N}]+/u).filter((part) => part !== '');
      // A figure right after a name is part of it: "Trek 40", "Fibre 500".
      name = (nextToRun && isDigits(token)) || isNameLike(token, firstToken || startsSentence(text, start), lower, knownNames);
    }
    firstToken = false;
    if (run !== undefined && (!name || !nextToRun)) {
      entities.push({ raw: text.slice(run.start, run.end), start: run.start, end: run.end, words: run.words });
      run = undefined;
    }
    if (name) {
      if (run === undefined) run = { start, end: start + token.length, words: [...parts] };
      else {
        run.end = start + token.length;
        run.words.push(...parts);
      }
    }
    previousEnd = start + token.length;
  }
  if (run !== undefined) entities.push({ raw: text.slice(run.start, run.end), start: run.start, end: run.end, words: run.words });
  return entities;
}

/** Lower-cased words a text capitalises where grammar does not ask for it: the names of `entitiesOf`, for `knownNames`. */
export function capitalisedWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const entity of entitiesOf(text)) for (const word of entity.words) words.add(word);
  return words;
}

/** Whether a lower-cased word is capitalised for grammar, not as a name: "I", "The", months and weekdays (dates), "Note". */
export function isGrammatical(lower: string): boolean {
  return NOT_NAMES.has(lower.replace(/['’.]/g, ''));
}

function isNameLike(token: string, initial: boolean, lower: string, knownNames: ReadonlySet<string>): boolean {
  if (isGrammatical(lower)) return false;
  const first = token.charAt(0);
  const capital = first !== first.toLowerCase();
  const innerCapital = /\p{Lu}/u.test(token.slice(1)) && /\p{Ll}|\p{Lu}{2}/u.test(token);
  const mixed = /\p{L}/u.test(token) && /\p{N}/u.test(token) && capital;
  if (innerCapital || mixed) return true;
  if (!capital) return false;
  return !initial || knownNames.has(lower);
}

// After a sentence end, a colon, a line break or a list marker (the text's first word is told apart by the caller).
function startsSentence(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 6), start);
  return /(?:[.!?:\n]|\n\s*(?:[-*•]|\d+[.)]))[\s"'“‘(*_#>]*$/.test(before);
}

function hasCapital(token: string): boolean {
  for (let index = 0; index < token.length; index += 1) {
    const code = token.charCodeAt(index);
    if (code >= 65 && code <= 90) return true;
    if (code > 127 && token.charAt(index) !== token.charAt(index).toLowerCase()) return true;
  }
  return false;
}

function isDigits(token: string): boolean {
  for (let index = 0; index < token.length; index += 1) {
    const code = token.charCodeAt(index);
    if (code < 48 || code > 57) return false;
  }
  return token.length > 0;
}
