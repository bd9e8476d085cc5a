import {
  canonicalContentWord,
  CURRENCY_OF,
  DIRECTION_ROLES,
  FILLER_WORDS,
  HOW_INTENTS,
  NEGATIONS,
  PARTICLES,
  PERIOD_OF_UNIT,
  PERIOD_QUANTIFIERS,
  PHRASAL_VERB_BASES,
  POLARITY_WORDS,
  REASON_WORDS,
  TIME_DEICTICS,
  TIME_UNITS,
  WH_INTENTS,
  type QuestionIntent,
} from './guard-vocabulary.js';
import { canonicalDigits, readDigitToken } from './digit-tokens.js';
import { isNumberWord, readNumberWords } from './number-words.js';
import { stemWord, tokenizeQuestion, type QuestionToken } from './question-tokens.js';

/** The critical tokens of one question: what two questions must share to share an answer. */
export interface QuestionProfile {
  /** Every number, written or in digits, canonical ("$1,500.00" → "1500", "two hundred" → "200"), sorted. */
  readonly numbers: readonly string[];
  /** How many negations ("not", "no", "without", "n't", "except", …). */
  readonly negations: number;
  /** Names and code-like tokens: capitalised words inside a sentence, ACRONYMS, camelCase, ids, e-mails. */
  readonly entities: readonly string[];
  readonly intents: readonly QuestionIntent[];
  /** Words of order, amount and time ("before", "more", "last-month"), canonical, sorted. */
  readonly polarity: readonly string[];
  /** Objects of "from", "to", "instead of": `from:checking`. */
  readonly roles: readonly string[];
  /** Canonical stems of the remaining content words, sorted. */
  readonly content: readonly string[];
  /** Every form of every token (as written in lower case, stemmed, canonical): where entities are looked up. */
  readonly vocabulary: ReadonlySet<string>;
}

/** A word of the question after numbers, e-mails and code-like tokens were taken out. */
interface Word {
  readonly lower: string;
  /** Set on a placeholder for a number written in digits, so "from 14 to 16" has objects. */
  readonly number?: string;
  readonly capitalised: boolean;
  readonly sentenceStart: boolean;
}

const PRONOUN_ONE_BEFORE = new Set(['a', 'an', 'the', 'this', 'that', 'which', 'each', 'every', 'any', 'no', 'another', 'same', 'other', 'new', 'old', 'right', 'wrong', 'only', 'last', 'next', 'my', 'your', 'its', 'their', 'our']);
const PRONOUN_ONE_AFTER = new Set(['of', 'is', 'are', 'was', 'that', 'which', 'who', 'with', 'for', 'to', 'in', 'on', 'at', 'or', 'and', 'from', 'i', 'you', 'we', 'they']);

/**
 * Reads the critical tokens of a question (see `QuestionProfile`). Deterministic, dictionary-free
 * and fast (tens of microseconds), so it runs on every semantic candidate.
 */
export function profileQuestion(question: string): QuestionProfile {
  const numbers: string[] = [];
  const entities = new Set<string>();
  const vocabulary = new Set<string>();
  const content = new Set<string>();
  const words: Word[] = [];
  const addVocabulary = (lower: string): void => {
    vocabulary.add(lower);
    vocabulary.add(stemWord(lower));
    vocabulary.add(canonicalContentWord(lower));
  };

  for (const token of tokenizeQuestion(question)) {
    addVocabulary(token.lower);
    if (token.lower.includes('@')) {
      entities.add(token.lower);
      continue;
    }
    if (/^[$€£¥]?\d/.test(token.lower)) {
      const first = numbers.length;
      readDigitToken(token, numbers, content, entities);
      const number = numbers[first];
      if (number !== undefined) words.push({ lower: token.lower, number, capitalised: false, sentenceStart: token.sentenceStart });
      continue;
    }
    if (/[_./\d]/.test(token.lower)) {
      // Code-like: an id, a version, a host name. Compared whole, and its numbers as numbers.
      entities.add(token.lower);
      for (const digits of token.lower.match(/\d+(?:\.\d+)*/g) ?? []) numbers.push(...canonicalDigits(digits));
      continue;
    }
    const capitalised = isCapitalised(token);
    if (token.lower.includes('-')) {
      const parts = token.lower.split('-');
      if (parts.some(isNumberWord)) {
        for (const part of parts) words.push({ lower: part, capitalised, sentenceStart: false });
      } else {
        const compound = parts.join('');
        addVocabulary(compound);
        words.push({ lower: compound, capitalised, sentenceStart: token.sentenceStart });
      }
      continue;
    }
    words.push({ lower: token.lower, capitalised, sentenceStart: token.sentenceStart });
  }

  const lowers = words.map((word) => word.lower);
  const consumed = words.map((word) => word.number !== undefined);
  readNumberWords(
    lowers,
    (value, from, to) => {
      numbers.push(String(value));
      for (let index = from; index < to; index += 1) consumed[index] = true;
    },
    (index) => PRONOUN_ONE_BEFORE.has(lowers[index - 1] ?? '') || index + 1 >= lowers.length || PRONOUN_ONE_AFTER.has(lowers[index + 1] ?? ''),
  );

  let negations = 0;
  const intents = new Set<QuestionIntent>();
  const polarity = new Set<string>();
  const roles: string[] = [];
  const contentWords: { index: number; canonical: string }[] = [];
  for (let index = 0; index < words.length; index += 1) {
    if (consumed[index] === true) continue;
    const word = words[index] as Word;
    const next = lowers[index + 1];
    const stem = stemWord(word.lower);
    const phrasalBase = PHRASAL_VERB_BASES.get(stem);
    if (phrasalBase !== undefined && next !== undefined && PARTICLES.has(next) && consumed[index + 1] !== true) {
      const compound = `${phrasalBase}${next}`;
      addVocabulary(compound);
      contentWords.push({ index, canonical: canonicalContentWord(compound) });
      consumed[index + 1] = true;
      continue;
    }
    if (TIME_DEICTICS.has(word.lower) && next !== undefined && TIME_UNITS.has(next)) {
      polarity.add(`${word.lower}-${PERIOD_OF_UNIT[next] ?? next}`);
      consumed[index + 1] = true;
      continue;
    }
    if (PERIOD_QUANTIFIERS.has(word.lower) && next !== undefined && PERIOD_OF_UNIT[next] !== undefined) {
      contentWords.push({ index, canonical: canonicalContentWord(PERIOD_OF_UNIT[next]) });
      consumed[index + 1] = true;
      continue;
    }
    const howIntent = word.lower === 'how' && next !== undefined ? HOW_INTENTS[next] : undefined;
    if (howIntent !== undefined) {
      const afterNext = lowers[index + 2];
      const asksDuration = (next === 'many' || next === 'much') && afterNext !== undefined && TIME_UNITS.has(afterNext);
      intents.add(asksDuration ? 'time' : howIntent);
      consumed[index + 1] = true;
      if (asksDuration) consumed[index + 2] = true;
      continue;
    }
    if (REASON_WORDS.has(word.lower)) {
      intents.add('reason');
      continue;
    }
    const whIntent = WH_INTENTS[word.lower];
    if (whIntent !== undefined) {
      if (word.sentenceStart) intents.add(whIntent);
      continue;
    }
    if (NEGATIONS.has(word.lower)) {
      negations += 1;
      continue;
    }
    if (word.lower === 'most' && (next === 'recent' || next === 'latest')) continue;
    if (POLARITY_WORDS.has(word.lower)) {
      polarity.add(canonicalContentWord(word.lower));
      continue;
    }
    const currency = CURRENCY_OF[word.lower];
    if (currency !== undefined) {
      contentWords.push({ index, canonical: currency });
      continue;
    }
    const role = DIRECTION_ROLES[word.lower];
    if (role !== undefined) {
      const target = roleTarget(words, consumed, index + 1);
      if (target !== undefined) roles.push(`${role}:${target}`);
      continue;
    }
    if (FILLER_WORDS.has(word.lower) || word.lower.length < 2) continue;
    const canonical = canonicalContentWord(word.lower);
    if (word.capitalised) entities.add(canonical);
    contentWords.push({ index, canonical });
  }
  for (const { canonical } of contentWords) content.add(canonical);
  return {
    numbers: numbers.sort(),
    negations,
    entities: [...entities].sort(),
    intents: [...intents].sort(),
    polarity: [...polarity].sort(),
    roles: roles.sort(),
    content: [...content].sort(),
    vocabulary,
  };
}

/** "Paris" mid-sentence, "API" anywhere, "iPhone": a name. "Is" opening a sentence or "I": not. */
function isCapitalised(token: QuestionToken): boolean {
  const letters = token.text.replace(/[^\p{L}]/gu, '');
  if (letters.length === 0 || token.lower === 'i') return false;
  if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return true;
  if (/\p{Ll}\p{Lu}/u.test(token.text)) return true;
  return !token.sentenceStart && /^\p{Lu}/u.test(token.text);
}

/** The object of a direction word: the next content word, skipping articles and possessives. */
function roleTarget(words: readonly Word[], consumed: readonly boolean[], from: number): string | undefined {
  for (let index = from; index < Math.min(words.length, from + 4); index += 1) {
    const word = words[index] as Word;
    if (word.number !== undefined) return word.number;
    if (consumed[index] === true || FILLER_WORDS.has(word.lower)) continue;
    return canonicalContentWord(word.lower);
  }
  return undefined;
}
