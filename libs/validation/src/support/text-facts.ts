import { anchor, type Anchored } from '../facts/anchored.js';
import { conditionsOf, type Condition } from '../facts/conditions.js';
import { datesOf, type CalendarDate } from '../facts/dates.js';
import { entitiesOf, type NamedEntity } from '../facts/entities.js';
import { negationCount } from '../facts/polarity.js';
import { quantitiesOf, type Quantity } from '../facts/quantities.js';
import { weekdayMask } from '../facts/weekdays.js';
import { termsOf } from '../shared/context-terms.js';
import { scanWords, type ScannedWord } from '../shared/word-scan.js';

/** What the checks compare in a claim or a source sentence, read once. */
export interface TextFacts {
  readonly text: string;
  /** Canonical stemmed terms (`termsOf`, synonyms folded), with repeats, in order. */
  readonly terms: readonly string[];
  readonly termSet: ReadonlySet<string>;
  /** Lower-cased words, plural and possessive "s" dropped, to find names in. */
  readonly words: ReadonlySet<string>;
  readonly quantities: readonly Anchored<Quantity>[];
  readonly dates: readonly Anchored<CalendarDate>[];
  readonly weekdays: number;
  readonly entities: readonly NamedEntity[];
  readonly negations: number;
  readonly conditions: readonly Condition[];
}

/** Parts of a text's facts the caller has read already (a source sentence from its clauses). */
export interface KnownFacts {
  readonly words?: readonly ScannedWord[];
  readonly entities?: readonly NamedEntity[];
  readonly conditions?: readonly Condition[];
  readonly negations?: number;
}

/** The facts of `text`; `knownNames` as for `entitiesOf`. */
export function textFacts(text: string, knownNames: ReadonlySet<string>, known: KnownFacts = {}): TextFacts {
  const scanned = known.words ?? scanWords(text);
  const terms = scanned.flatMap((word) => word.terms);
  const dates = datesOf(text);
  const quantities = quantitiesOf(text, dates, knownNames);
  return {
    text,
    terms,
    termSet: new Set(terms),
    words: new Set(scanned.map((word) => word.name)),
    quantities: anchor(text, scanned, quantities, dates),
    dates: anchor(text, scanned, dates, quantities),
    weekdays: weekdayMask(text),
    entities: known.entities ?? entitiesOf(text, knownNames),
    negations: known.negations ?? negationCount(text),
    conditions: known.conditions ?? conditionsOf(text),
  };
}

/** `termsOf` with synonyms folded to one term. */
export function canonicalTermsOf(text: string): string[] {
  return scanWords(text).flatMap((word) => word.terms);
}

/** The words of a text as names are matched (`normaliseWord`). */
export function wordSetOf(text: string): Set<string> {
  return new Set(scanWords(text).map((word) => word.name));
}


const FACT_WORDS = new Set([
  ...'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion dozen half'.split(' '),
  ...'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
  ...'monday tuesday wednesday thursday friday saturday sunday'.split(' '),
].flatMap((word) => termsOf(word)));

/** Terms the figure and date checks compare instead of the overlap: figures, number words, months, weekdays. */
export function isFactTerm(term: string): boolean {
  return /\d/.test(term) || FACT_WORDS.has(term);
}
