import { isFiniteVerb } from '../claims/verbs.js';
import { type ScannedWord } from '../shared/word-scan.js';
import { type TextSpan } from './text-span.js';

/** A fact with the terms around it, so a claim's figure is compared with the source figure said of the same thing. */
export interface Anchored<Fact extends TextSpan> {
  readonly fact: Fact;
  /** Canonical terms just before and after the fact in its clause. */
  readonly context: readonly string[];
}

const BEFORE_CHARACTERS = 64;
const AFTER_CHARACTERS = 32;
const BEFORE_TERMS = 5;
const AFTER_TERMS = 3;
// What comes after a fact stops being about it at a clause break or the next coordinated item ("$4.95 and Express delivery …").
const AFTER_BREAK = /[;:,()]|\.\s|\s(?:and|or|but|while|whereas)\s/;
const BEFORE_BREAK = /[;:()]|,\s(?=but|while|whereas|which|who|where)|\.\s|\s(?:and|or|but|while|whereas)\s/g;

/**
 * `facts` of `text` with their surroundings: up to five terms before and three after (a plan's
 * "500" included), whole words only, not across a clause boundary or a coordinated item, the
 * words of `facts` and `others` (the text's other facts) left out. `words` is `scanWords(text)`.
 */
export function anchor<Fact extends TextSpan>(text: string, words: readonly ScannedWord[], facts: readonly Fact[], others: readonly TextSpan[] = []): Anchored<Fact>[] {
  if (facts.length === 0) return [];
  const spans = [...facts, ...others];
  // The other facts' own words are no context: "from May 1 to September 30" must not tie September 30 to May.
  const masked = maskSpans(text, spans);
  const free = words.filter((word) => !spans.some((span) => word.start < span.end && span.start < word.end));
  return facts.map((fact) => {
    const from = Math.max(0, fact.start - BEFORE_CHARACTERS);
    const before = lastBreak(masked.slice(from, fact.start));
    const beforeStart = before === undefined ? from : from + before;
    const afterBreak = AFTER_BREAK.exec(masked.slice(fact.end, fact.end + AFTER_CHARACTERS));
    const afterEnd = afterBreak === null ? fact.end + AFTER_CHARACTERS : fact.end + afterBreak.index;
    const beforeTerms: string[] = [];
    const afterTerms: string[] = [];
    for (const word of free) {
      if (word.start >= beforeStart && word.end <= fact.start) beforeTerms.push(...word.terms);
      else if (word.start >= fact.end && word.end <= afterEnd) afterTerms.push(...word.terms);
    }
    return { fact, context: [...beforeTerms.slice(-BEFORE_TERMS), ...afterTerms.slice(0, AFTER_TERMS)] };
  });
}

// Where the last break of the window ends, if it has one. A conjunction before a verb shares its subject ("Express shipping costs $15 and arrives in 2 days"): no break.
function lastBreak(window: string): number | undefined {
  let end: number | undefined;
  BEFORE_BREAK.lastIndex = 0;
  for (let match = BEFORE_BREAK.exec(window); match !== null; match = BEFORE_BREAK.exec(window)) {
    const after = match.index + match[0].length;
    const conjunction = /^\s(?:and|or|but|while|whereas)\s$/.test(match[0]);
    if (!conjunction || !isFiniteVerb((/^[a-z']+/i.exec(window.slice(after))?.[0] ?? '').toLowerCase())) end = after;
    if (match[0].length === 0) BEFORE_BREAK.lastIndex += 1;
  }
  return end;
}

function maskSpans(text: string, spans: readonly TextSpan[]): string {
  const sorted = [...spans].sort((left, right) => left.start - right.start);
  let masked = '';
  let from = 0;
  for (const span of sorted) {
    const start = Math.max(from, span.start);
    if (span.end <= start) continue;
    masked += text.slice(from, start) + ' '.repeat(span.end - start);
    from = span.end;
  }
  return masked + text.slice(from);
}
