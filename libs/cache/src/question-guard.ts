import { STRICT_INTENTS } from './guard/guard-vocabulary.js';
import { profileQuestion, type QuestionProfile } from './guard/question-profile.js';

/** Which critical difference made the guard refuse a candidate. */
export type QuestionGuardReason = 'number' | 'negation' | 'entity' | 'intent' | 'polarity' | 'direction' | 'content-substitution' | 'content-extra';

/** The guard's answer: accept the cached answer for this question, or why not (for traces). */
export type QuestionGuardVerdict =
  | { readonly accepted: true }
  | { readonly accepted: false; readonly reason: QuestionGuardReason; readonly detail: string };

/** Tuning of the guard. */
export interface QuestionGuardOptions {
  /**
   * Content words only one question has (after stemming, synonyms and filler words) that are
   * still tolerated: "How do I change my PIN?" / "… the PIN of my card?" differ by "card".
   * Default 1. A word each side has that the other lacks is a substitution and always refused.
   */
  readonly maxExtraContentWords?: number;
}

const DEFAULT_MAX_EXTRA_CONTENT_WORDS = 1;

/**
 * The deterministic check run on a semantic-cache candidate before its answer is served:
 * embedding similarity scores "cancel my order" and "cancel my subscription" close, so the two
 * questions must also agree on their critical tokens (see `QuestionProfile`). Checks run from
 * the most certain to the least: numbers, negations, names and ids, question intent, order /
 * amount / time words, swapped directions ("from savings to checking"), then content words.
 * Pass profiles to skip re-reading a stored question on every lookup.
 */
export function guardQuestions(cached: string | QuestionProfile, asked: string | QuestionProfile, options: QuestionGuardOptions = {}): QuestionGuardVerdict {
  const a = typeof cached === 'string' ? profileQuestion(cached) : cached;
  const b = typeof asked === 'string' ? profileQuestion(asked) : asked;
  const reject = (reason: QuestionGuardReason, detail: string): QuestionGuardVerdict => ({ accepted: false, reason, detail });

  if (!sameList(a.numbers, b.numbers)) return reject('number', `numbers ${show(a.numbers)} vs ${show(b.numbers)}`);
  if (a.negations !== b.negations) return reject('negation', `${a.negations} vs ${b.negations} negations`);
  const missingEntity = a.entities.find((entity) => !b.vocabulary.has(entity)) ?? b.entities.find((entity) => !a.vocabulary.has(entity));
  if (missingEntity !== undefined) return reject('entity', `"${missingEntity}" is named in one question only`);
  const intentDifference = differentIntents(a, b);
  if (intentDifference !== undefined) return reject('intent', intentDifference);
  if (!sameList(a.polarity, b.polarity)) return reject('polarity', `${show(a.polarity)} vs ${show(b.polarity)}`);
  const swapped = swappedRole(a, b);
  if (swapped !== undefined) return reject('direction', swapped);

  const onlyA = a.content.filter((word) => !b.content.includes(word));
  const onlyB = b.content.filter((word) => !a.content.includes(word));
  if (onlyA.length > 0 && onlyB.length > 0) return reject('content-substitution', `${show(onlyA)} vs ${show(onlyB)}`);
  const maxExtra = options.maxExtraContentWords ?? DEFAULT_MAX_EXTRA_CONTENT_WORDS;
  if (onlyA.length + onlyB.length > maxExtra) return reject('content-extra', `only one question has ${show([...onlyA, ...onlyB])}`);
  return { accepted: true };
}

function differentIntents(a: QuestionProfile, b: QuestionProfile): string | undefined {
  for (const intent of STRICT_INTENTS) {
    if (a.intents.includes(intent) !== b.intents.includes(intent)) return `only one question asks "${intent}"`;
  }
  const looseA = a.intents.filter((intent) => !STRICT_INTENTS.has(intent));
  const looseB = b.intents.filter((intent) => !STRICT_INTENTS.has(intent));
  if (looseA.length > 0 && looseB.length > 0 && !looseA.some((intent) => looseB.includes(intent))) return `asks ${show(looseA)} vs ${show(looseB)}`;
  return undefined;
}

/** "from London to New York" / "from New York to London": the same words in swapped roles. */
function swappedRole(a: QuestionProfile, b: QuestionProfile): string | undefined {
  const known = (profile: QuestionProfile, word: string) => profile.content.includes(word) || profile.numbers.includes(word) || profile.vocabulary.has(word);
  for (const roleA of a.roles) {
    const [role, targetA = ''] = roleA.split(':');
    for (const roleB of b.roles) {
      const [otherRole, targetB = ''] = roleB.split(':');
      if (role === otherRole && targetA !== targetB && known(b, targetA) && known(a, targetB)) return `${roleA} vs ${roleB}`;
    }
  }
  return undefined;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function show(values: readonly string[]): string {
  return values.length === 0 ? '[]' : `[${values.join(', ')}]`;
}
