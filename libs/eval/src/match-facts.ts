import { factTokens } from './normalize-text.js';

/** Which expected facts an answer states. */
export interface FactMatch {
  matched: string[];
  missing: string[];
}

/**
 * Whether `answer` states `fact`: the fact's canonical tokens (`factTokens`) appear as a run of
 * the answer's, whole tokens only ("30 days" is not in "130 days"), plurals tolerated. A fact with
 * no tokens (only punctuation) is looked for as a plain case-insensitive substring.
 */
export function containsFact(answer: string, fact: string): boolean {
  return matcher(answer)(fact);
}

/** `containsFact` for several facts, tokenizing the answer once. */
export function matchFacts(answer: string, facts: readonly string[]): FactMatch {
  const contains = matcher(answer);
  const matched: string[] = [];
  const missing: string[] = [];
  for (const fact of facts) (contains(fact) ? matched : missing).push(fact);
  return { matched, missing };
}

function matcher(answer: string): (fact: string) => boolean {
  const tokens = factTokens(answer).map(wordForms);
  return (fact) => {
    const wanted = factTokens(fact).map(wordForms);
    if (wanted.length === 0) return fact.trim() !== '' && answer.toLowerCase().includes(fact.trim().toLowerCase());
    for (let start = 0; start + wanted.length <= tokens.length; start += 1) {
      if (wanted.every((forms, offset) => sameWord(forms, tokens[start + offset] as readonly string[]))) return true;
    }
    return false;
  };
}

/** A token and, for a word of four letters or more, its possible singulars ("policies" → "policy", "matches" → "matche", "match"). */
function wordForms(token: string): string[] {
  if (token.length < 4 || !/^\p{L}+$/u.test(token) || /(?:ss|us|is)$/.test(token) || !token.endsWith('s')) return [token];
  const forms = [token, token.slice(0, -1)];
  if (token.endsWith('es')) forms.push(token.slice(0, -2));
  if (token.endsWith('ies')) forms.push(`${token.slice(0, -3)}y`);
  return forms;
}

function sameWord(a: readonly string[], b: readonly string[]): boolean {
  return a.some((form) => b.includes(form));
}
