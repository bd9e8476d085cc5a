import { type TextSpan } from './text-span.js';

// Where one statement of a sentence ends and the next begins.
// A full stop before a capital is a boundary too: the sentence splitter keeps "25°C. Once opened" together.
const BOUNDARY = /\s*[;:]\s+|(?<=\.)\s+(?=[A-Z])|,\s+(?=(?:but|while|whereas|although|though|and|so|which|except|yet)\b)|\s+(?=(?:but|whereas)\s)/g;
// A sentence that opens with a subordinate clause ("If your order is over $50, shipping is free") keeps it with its main clause.
const SUBORDINATE_OPENING = /^(?:if|unless|when|once|after|before|although|though|while|because|since|for|as long as|provided)\b/i;

/** The clauses of a sentence, as ranges of it: split at semicolons, colons and contrasting or joining conjunctions. */
export function clausesOf(sentence: string): TextSpan[] {
  const clauses: TextSpan[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(sentence); match !== null; match = BOUNDARY.exec(sentence)) {
    if (match.index > start) clauses.push({ raw: sentence.slice(start, match.index), start, end: match.index });
    start = match.index + match[0].length;
  }
  if (start < sentence.length) clauses.push({ raw: sentence.slice(start), start, end: sentence.length });
  const opening = clauses[0];
  const main = clauses[1];
  if (opening !== undefined && main !== undefined && SUBORDINATE_OPENING.test(opening.raw) && !/[;:]\s*$/.test(sentence.slice(opening.end, main.start))) {
    clauses.splice(0, 2, { raw: sentence.slice(opening.start, main.end), start: opening.start, end: main.end });
  }
  return clauses.length > 0 ? clauses : [{ raw: sentence, start: 0, end: sentence.length }];
}
