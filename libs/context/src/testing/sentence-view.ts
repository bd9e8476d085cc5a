/**
 * A chunk analysis' flat arrays as one object a sentence, for tests to read. Test-only; not built.
 */
import { SENTENCE, sentenceField, sentenceFigures, sentenceShingles, sentenceText, type ChunkAnalysis, type LineAnalysis } from '../compress/analyze-chunk.js';

/** One sentence of an analysis, as the flat arrays hold it. */
export interface SentenceView {
  readonly text: string;
  readonly estimate: number;
  readonly length: number;
  readonly facts: number;
  readonly shingles: readonly number[];
  readonly figures: readonly string[];
  readonly continuation: boolean;
}

/** A line with its sentences. */
export type LineView = Omit<LineAnalysis, 'firstSentence' | 'sentenceCount'> & { readonly sentences: readonly SentenceView[] };

/** Every sentence of `analysis`, in reading order. */
export function sentencesOf(analysis: ChunkAnalysis): SentenceView[] {
  return Array.from({ length: analysis.sentenceCount }, (_, sentence) => ({
    text: sentenceText(analysis, sentence),
    estimate: sentenceField(analysis, sentence, SENTENCE.estimate),
    length: sentenceField(analysis, sentence, SENTENCE.length),
    facts: sentenceField(analysis, sentence, SENTENCE.facts),
    shingles: sentenceShingles(analysis, sentence),
    figures: sentenceFigures(analysis, sentence),
    continuation: sentenceField(analysis, sentence, SENTENCE.continuation) === 1,
  }));
}

/** Every line of `analysis` with its sentences. */
export function linesOf(analysis: ChunkAnalysis): LineView[] {
  const sentences = sentencesOf(analysis);
  return analysis.lines.map(({ firstSentence, sentenceCount, ...line }) => ({ ...line, sentences: sentences.slice(firstSentence, firstSentence + sentenceCount) }));
}

/** Each sentence's keys counted (a bag), from the chunk's key occurrences. */
export function sentenceBags(analysis: ChunkAnalysis): Map<string, number>[] {
  const bags = Array.from({ length: analysis.sentenceCount }, () => new Map<string, number>());
  for (const [key, occurrences] of analysis.keys.entries()) {
    for (let index = 0; index < occurrences.length; index += 2) bags[occurrences[index] ?? -1]?.set(key, occurrences[index + 1] ?? 0);
  }
  return bags;
}
