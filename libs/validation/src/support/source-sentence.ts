import { clausesOf } from '../facts/clauses.js';
import { conditionsOf, type Condition } from '../facts/conditions.js';
import { entitiesOf, isGrammatical, type NamedEntity } from '../facts/entities.js';
import { negationCount } from '../facts/polarity.js';
import { prefixOf } from '../shared/context-terms.js';
import { scanWords, termsWithin, type ScannedWord } from '../shared/word-scan.js';
import { textFacts, type TextFacts } from './text-facts.js';

/** A clause of a source sentence: the unit negations are compared in. */
export interface SourceClause {
  readonly text: string;
  readonly termSet: ReadonlySet<string>;
  readonly negations: number;
  readonly entities: readonly NamedEntity[];
  readonly conditions: readonly Condition[];
}

/**
 * One sentence of a source. Its words and terms are read at once (every claim's overlap needs
 * them); its figures, dates, names, clauses and qualifiers only when a check first asks, since
 * most sentences of most chunks are never a candidate for any claim.
 */
export class SourceSentence {
  readonly termSet: ReadonlySet<string>;
  /** Word forms names are matched against (`ScannedWord.name`). */
  readonly words: ReadonlySet<string>;
  /** Five-letter prefixes of its terms (`prefixOf`). */
  readonly prefixes: ReadonlySet<string>;
  /** Lower-cased words it capitalises where grammar does not ask for it: names, for `SourceIndex.knownNames`. */
  readonly capitalised: readonly string[];
  /** Lower-cased words it capitalises anywhere, its first word included ("Express shipping …"): candidate names. */
  readonly capitalisedAnywhere: readonly string[];
  /** Words it writes in lower case: a word written so somewhere is no name. */
  readonly lowerCase: readonly string[];
  private readonly scanned: readonly ScannedWord[];
  private read?: { facts: TextFacts; clauses: readonly SourceClause[] };

  constructor(
    readonly text: string,
    readonly sourceIndex: number,
    // Filled with every source's names before any facts are read.
    private readonly knownNames: ReadonlySet<string>,
  ) {
    this.scanned = scanWords(text);
    [this.capitalised, this.capitalisedAnywhere] = capitalisedIn(text, this.scanned);
    this.lowerCase = this.scanned.filter((word) => /^\p{Ll}/u.test(text.charAt(word.start))).map((word) => text.slice(word.start, word.end));
    const terms = new Set<string>();
    const words = new Set<string>();
    const prefixes = new Set<string>();
    for (const word of this.scanned) {
      words.add(word.name);
      for (const term of word.terms) {
        terms.add(term);
        const prefix = prefixOf(term);
        if (prefix !== undefined) prefixes.add(prefix);
      }
    }
    this.termSet = terms;
    this.words = words;
    this.prefixes = prefixes;
  }

  /** Its figures, dates, names and qualifiers (`textFacts`), read on first use. */
  get facts(): TextFacts {
    return this.readAll().facts;
  }

  /** Its clauses (`clausesOf`), read on first use. */
  get clauses(): readonly SourceClause[] {
    return this.readAll().clauses;
  }

  // Clauses first: the sentence's names are placed in them by position and its qualifiers are theirs, so nothing is read twice.
  private readAll(): { facts: TextFacts; clauses: readonly SourceClause[] } {
    if (this.read !== undefined) return this.read;
    const { text, scanned, knownNames } = this;
    const entities = entitiesOf(text, knownNames);
    const clauses = clausesOf(text).map((span): SourceClause => ({
      text: span.raw,
      termSet: new Set(termsWithin(scanned, span.start, span.end)),
      negations: negationCount(span.raw),
      entities: entities.filter((entity) => entity.start >= span.start && entity.end <= span.end),
      conditions: conditionsOf(span.raw),
    }));
    // Only clause negations are compared; the sentence's count is theirs summed.
    const negations = clauses.reduce((sum, clause) => sum + clause.negations, 0);
    const facts = textFacts(text, knownNames, { words: scanned, entities, conditions: clauses.flatMap((clause) => clause.conditions), negations });
    this.read = { facts, clauses };
    return this.read;
  }
}

// Words that start with a capital or carry one inside ("iPhone", "SSO", "S3") and do not open the sentence or follow a colon: the rule `entitiesOf` applies, word by word.
function capitalisedIn(text: string, words: readonly ScannedWord[]): [string[], string[]] {
  const names: string[] = [];
  const anywhere: string[] = [];
  words.forEach((word, index) => {
    const raw = text.slice(word.start, word.end);
    const capital = isCapital(raw.charCodeAt(0));
    const inner = /\p{Lu}/u.test(raw.slice(1)) || (capital && /\p{N}/u.test(raw) && /\p{L}/u.test(raw));
    if (!capital && !inner) return;
    const lower = raw.toLowerCase().replace(/['’]s$/, '');
    if (isGrammatical(lower)) return;
    anywhere.push(lower);
    const opensSentence = index === 0 || /[.!?:\n]["'”’)\]\s*_]*$/.test(text.slice(Math.max(0, word.start - 4), word.start));
    if (inner || !opensSentence) names.push(lower);
  });
  return [names, anywhere];
}

function isCapital(code: number): boolean {
  return (code >= 65 && code <= 90) || (code > 127 && String.fromCharCode(code) !== String.fromCharCode(code).toLowerCase());
}
