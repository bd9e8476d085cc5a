import { canonicalTerm } from '../shared/synonyms.js';
import { termsOf } from '../shared/context-terms.js';
import { NUMBER_WORDS_PATTERN } from './number-words.js';
import { quantitiesOf } from './quantities.js';
import { type TextSpan } from './text-span.js';

/** What a qualifier does to a statement: bounds a figure, a time, or makes it conditional or exclusive. */
export type ConditionKind = 'minimum' | 'maximum' | 'within' | 'after' | 'before' | 'if' | 'unless' | 'only';

/** A qualifier and what it applies to: "over $50", "after the first year", "unless cancelled", "only for annual plans". */
export interface Condition extends TextSpan {
  readonly kind: ConditionKind;
  /** Canonical terms of what follows the qualifier ("the first year" → first, year). */
  readonly terms: readonly string[];
  /** Whether it bounds a figure ("over $50", "within 30 days"). */
  readonly figure: boolean;
}

/** Kinds that say the opposite of each other: "over $50" is not "under $50", "after 30 days" is not "within 30 days". */
const OPPOSITE: Readonly<Record<ConditionKind, readonly ConditionKind[]>> = {
  minimum: ['maximum', 'within'],
  maximum: ['minimum'],
  within: ['after', 'minimum'],
  after: ['before', 'within'],
  before: ['after'],
  if: ['unless'],
  unless: ['if'],
  only: [],
};

const FIGURE = `(?=\\s*(?:[$€£¥]|\\d|(?:${NUMBER_WORDS_PATTERN})\\b))`;
const KEYWORDS: readonly (readonly [ConditionKind, string])[] = [
  ['minimum', `more than|greater than|at least|no less than|a minimum of|minimum of|in excess of|(?:over|above|exceeding)${FIGURE}`],
  ['maximum', `less than|fewer than|at most|up to|no more than|a maximum of|maximum of|(?:under|below)${FIGURE}`],
  ['within', 'within'],
  ['after', 'after|following'],
  ['before', 'before|until|prior to|no later than'],
  ['unless', 'unless|except|excluding|other than|but not'],
  ['if', 'only if|if|provided that|as long as'],
  ['only', 'only|exclusively|solely'],
];
const KEYWORD = new RegExp(`\\b(?:${KEYWORDS.map(([kind, words]) => `(?<${kind}>${words})`).join('|')})\\b`, 'gi');
// What a qualifier applies to ends at punctuation, a conjunction or the next qualifier, at most six words on.
const OBJECT = /^[^,.;:!?()]*?(?=\s*(?:[,.;:!?()]|$|\b(?:and|but|or|so|then|unless|if|after|before|within|until)\b))/i;

/** The qualifiers of a text, in order. */
export function conditionsOf(text: string): Condition[] {
  const conditions: Condition[] = [];
  KEYWORD.lastIndex = 0;
  for (let match = KEYWORD.exec(text); match !== null; match = KEYWORD.exec(text)) {
    const kind = (Object.keys(match.groups ?? {}) as ConditionKind[]).find((name) => match?.groups?.[name] !== undefined);
    if (kind === undefined) continue;
    const afterKeyword = match.index + match[0].length;
    const { object, figure } = objectOf(text.slice(afterKeyword, afterKeyword + 80));
    const terms = termsOf(object).map(canonicalTerm);
    const end = afterKeyword + object.length;
    conditions.push({ raw: text.slice(match.index, end).trim(), start: match.index, end, kind, terms, figure });
  }
  return conditions;
}

// A figure bound ("over $50") applies to the figure; anything else to the words up to a break, at most six, trailing small words dropped.
function objectOf(rest: string): { object: string; figure: boolean } {
  const [figure] = STARTS_WITH_FIGURE.test(rest) ? quantitiesOf(rest) : [];
  if (figure !== undefined && rest.slice(0, figure.start).trim() === '') return { object: rest.slice(0, figure.end), figure: true };
  const words = (OBJECT.exec(rest)?.[0] ?? '').split(/(?=\s+)/).slice(0, 7);
  while (words.length > 0 && TRAILING_SMALL_WORDS.has((words[words.length - 1] ?? '').trim().toLowerCase())) words.pop();
  return { object: words.join(''), figure: false };
}
const STARTS_WITH_FIGURE = new RegExp(`^\\s*(?:the\\s+)?(?:[$€£¥]|\\d|(?:${NUMBER_WORDS_PATTERN}|an?|first|second|third)\\b)`, 'i');
const TRAILING_SMALL_WORDS = new Set(['a', 'an', 'the', 'for', 'to', 'of', 'in', 'on', 'with', 'at', 'by', 'your', 'our', 'their', 'its', 'is', 'are']);

/** Whether one kind says the opposite of the other. */
export function oppositeKinds(left: ConditionKind, right: ConditionKind): boolean {
  return OPPOSITE[left].includes(right);
}
