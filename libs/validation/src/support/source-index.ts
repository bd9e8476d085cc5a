import { splitSentences } from '#libs/rag';
import { capitalisedWords } from '../facts/entities.js';
import { SourceSentence } from './source-sentence.js';
import { canonicalTermsOf, isFactTerm, wordSetOf } from './text-facts.js';
import { type ValidationSource } from './validation-source.js';

/** What a claim is scored against: one sentence, or two adjacent ones of the same source. */
export interface Passage {
  readonly sourceIndex: number;
  readonly sentences: readonly SourceSentence[];
  readonly text: string;
  readonly termSet: ReadonlySet<string>;
  readonly prefixes: ReadonlySet<string>;
}

export { SourceSentence, type SourceClause } from './source-sentence.js';

/** The sources of one answer, split and read once for every claim. */
export interface SourceIndex {
  readonly sources: readonly ValidationSource[];
  readonly sentences: readonly SourceSentence[];
  /** Sentences first, then windows of two adjacent sentences. */
  readonly passages: readonly Passage[];
  /** Words the sources capitalise mid-sentence: names (`entitiesOf`). */
  readonly knownNames: ReadonlySet<string>;
  /** Each source's words (title included), as `TextFacts.words`: what a whole document names. */
  readonly sourceWords: readonly ReadonlySet<string>[];
  /** Inverse sentence frequency of a term over the sources; highest for a term no source has. */
  idf(term: string): number;
  /** Whether a term tells one case from another: a capitalised word's term ("standard", "express") or a number word ("one", "two"). */
  distinctive(term: string): boolean;
  /** Whether a term is a name's: capitalised in the sources and never written in lower case there ("Express", "Premium"). */
  isNameTerm(term: string): boolean;
}

/** Splits the sources into sentences (paragraphs first, then `splitSentences`) and reads their facts. */
export function indexSources(sources: readonly ValidationSource[]): SourceIndex {
  const knownNames = new Set<string>();
  for (const source of sources) for (const word of capitalisedWords(source.title ?? '')) knownNames.add(word);

  const sentences: SourceSentence[] = [];
  const passages: Passage[] = [];
  const windows: Passage[] = [];
  sources.forEach((source, sourceIndex) => {
    let previous: SourceSentence | undefined;
    for (const text of sentencesOf(source.text)) {
      const sentence = new SourceSentence(text, sourceIndex, knownNames);
      sentences.push(sentence);
      passages.push(passageOf([sentence]));
      if (previous !== undefined) windows.push(passageOf([previous, sentence]));
      previous = sentence;
    }
  });

  for (const sentence of sentences) for (const word of sentence.capitalised) knownNames.add(word);
  const documentFrequency = new Map<string, number>();
  for (const sentence of sentences) for (const term of sentence.termSet) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  const count = sentences.length;
  // BM25's inverse document frequency: always positive, largest for a term no sentence has. Memoised: every claim asks for its terms against every passage.
  const idfs = new Map<string, number>();
  const idf = (term: string): number => {
    let value = idfs.get(term);
    if (value === undefined) {
      const frequency = documentFrequency.get(term) ?? 0;
      value = Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5));
      idfs.set(term, value);
    }
    return value;
  };
  const sourceWords = sources.map((source, sourceIndex) => {
    const words = wordSetOf(source.title ?? '');
    for (const sentence of sentences) if (sentence.sourceIndex === sourceIndex) for (const word of sentence.words) words.add(word);
    return words;
  });
  // Capitalised words count even at the start of a sentence here: "Express shipping …" names the case a figure belongs to.
  const nameTerms = new Set([...knownNames, ...sentences.flatMap((sentence) => sentence.capitalisedAnywhere)].flatMap((name) => canonicalTermsOf(name)));
  const distinctive = (term: string): boolean => nameTerms.has(term) || isFactTerm(term);
  const lowerTerms = new Set(sentences.flatMap((sentence) => sentence.lowerCase).flatMap((word) => canonicalTermsOf(word)));
  const isNameTerm = (term: string): boolean => nameTerms.has(term) && !lowerTerms.has(term) && !isFactTerm(term);
  return { sources, sentences, passages: [...passages, ...windows], knownNames, sourceWords, idf, distinctive, isNameTerm };
}

function sentencesOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((paragraph) => splitSentences(paragraph).map((range) => paragraph.slice(range.start, range.end).trim()))
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
}

function passageOf(sentences: readonly SourceSentence[]): Passage {
  const [first, second] = sentences;
  if (first !== undefined && second === undefined) return { sourceIndex: first.sourceIndex, sentences, text: first.text, termSet: first.termSet, prefixes: first.prefixes };
  const termSet = new Set<string>();
  const prefixes = new Set<string>();
  for (const sentence of sentences) {
    for (const term of sentence.termSet) termSet.add(term);
    for (const prefix of sentence.prefixes) prefixes.add(prefix);
  }
  return { sourceIndex: first?.sourceIndex ?? 0, sentences, text: sentences.map((sentence) => sentence.text).join(' '), termSet, prefixes };
}
