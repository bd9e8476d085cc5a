import { fnv1a } from '../shared/fnv1a.js';
import { answerTypes } from './answer-types.js';
import { QueryKeys } from './query-keys.js';
import { prefixKey } from './text-terms.js';
import { termsOf } from './words.js';

/** A sentence to score, with where it sits. */
export interface SentenceToScore {
  /** Its terms' bag keys with repeats (`termKeys`: each term, then its prefix) and their `fnv1a` hashes; and the number of terms. */
  readonly keys: readonly string[];
  readonly keyHashes: readonly number[];
  readonly length: number;
  /** `FACT` bits (`factMask`). */
  readonly facts: number;
  /** Index of its chunk; sentences of a chunk are given in reading order. */
  readonly chunk: number;
  /** A heading or label line: its relevance carries to the sentences below it and theirs back to it. */
  readonly heading: boolean;
  /** Opens like "It …": leans on the sentence before. */
  readonly continuation: boolean;
}

// BM25 saturation and length normalisation, the usual defaults.
const K1 = 1.2;
const B = 0.75;
// Weights on top of the normalised BM25 relevance (0..1): set by hand, checked on the eval set's tune split only.
const ANSWER_TYPE_WEIGHT = 0.3;
const FACT_WEIGHT = 0.1;
const CHUNK_WEIGHT = 0.15;
const HEADING_WEIGHT = 0.25;
const CONTINUATION_WEIGHT = 0.2;
// A query term met only by a relative ("extended" for "extension") counts this much.
const PREFIX_MATCH_WEIGHT = 0.5;
// A heading is worth this share of the best sentence under it: release-note versions, table labels.
const HEADING_FROM_BODY = 0.8;

/**
 * Relevance of each sentence to the query: BM25 over the context's own sentences (IDF from the
 * context, so words every chunk repeats weigh little), normalised to the best sentence, plus
 * bonuses for holding a fact of the kind the question asks for (a price for "how much", a name
 * for "who"), for holding any figure, name, date or quote, for sitting in a relevant chunk or
 * under a relevant heading, and for continuing a relevant sentence. Pure and deterministic.
 */
export function scoreSentences(query: string, sentences: readonly SentenceToScore[]): number[] {
  const queryTerms = [...new Set(termsOf(query))].map((term) => ({ term, prefix: prefixKey(term) }));
  const wanted = answerTypes(query);
  const relevance = bm25(queryTerms, sentences);
  const best = Math.max(0, ...relevance);
  const normalised = relevance.map((score) => (best > 0 ? score / best : 0));

  const chunkRelevance = new Map<number, number>();
  sentences.forEach((sentence, index) => chunkRelevance.set(sentence.chunk, (chunkRelevance.get(sentence.chunk) ?? 0) + (normalised[index] ?? 0)));
  const bestChunk = Math.max(0, ...chunkRelevance.values());

  const scores: number[] = [];
  let headingRelevance = 0;
  sentences.forEach((sentence, index) => {
    const previous = sentences[index - 1];
    const sameChunk = previous !== undefined && previous.chunk === sentence.chunk;
    if (!sameChunk) headingRelevance = 0;
    const own = normalised[index] ?? 0;
    let score = own;
    if ((sentence.facts & wanted) !== 0) score += ANSWER_TYPE_WEIGHT * (own > 0 || headingRelevance > 0 ? 1 : 0.5);
    if (sentence.facts !== 0) score += FACT_WEIGHT;
    if (bestChunk > 0) score += (CHUNK_WEIGHT * (chunkRelevance.get(sentence.chunk) ?? 0)) / bestChunk;
    if (!sentence.heading) score += HEADING_WEIGHT * headingRelevance;
    if (sameChunk && sentence.continuation) score += CONTINUATION_WEIGHT * (normalised[index - 1] ?? 0);
    if (sentence.heading) headingRelevance = own;
    scores.push(score);
  });
  inheritHeadings(sentences, scores);
  return scores;
}

function bm25(queryTerms: readonly { term: string; prefix: string | undefined }[], sentences: readonly SentenceToScore[]): number[] {
  // One pass over every sentence's keys counts each query term and prefix (0 when absent).
  const keys = queryTerms.flatMap(({ term, prefix }) => (prefix === undefined ? [term] : [term, prefix]));
  const query = new QueryKeys(keys, fnv1a);
  const frequencies = new Float64Array(keys.length * sentences.length);
  const documentFrequency = new Float64Array(keys.length);
  let totalLength = 0;
  sentences.forEach((sentence, row) => {
    totalLength += sentence.length;
    const offset = row * keys.length;
    const { keys: sentenceKeys, keyHashes } = sentence;
    for (let index = 0; index < keyHashes.length; index += 1) {
      const columns = query.columnsOf(sentenceKeys[index] ?? '', keyHashes[index] ?? 0);
      if (columns === undefined) continue;
      for (const column of columns) frequencies[offset + column] = (frequencies[offset + column] ?? 0) + 1;
    }
    for (let column = 0; column < keys.length; column += 1) if ((frequencies[offset + column] ?? 0) > 0) documentFrequency[column] = (documentFrequency[column] ?? 0) + 1;
  });
  const averageLength = Math.max(1, totalLength / Math.max(1, sentences.length));
  const idf = Array.from(documentFrequency, (df) => Math.log(1 + (sentences.length - df + 0.5) / (df + 0.5)));
  return sentences.map((sentence, row) => {
    const norm = K1 * (1 - B + (B * sentence.length) / averageLength);
    const weight = (column: number): number => {
      const frequency = frequencies[row * keys.length + column] ?? 0;
      return frequency === 0 ? 0 : ((idf[column] ?? 0) * frequency * (K1 + 1)) / (frequency + norm);
    };
    let score = 0;
    let column = 0;
    for (const { prefix } of queryTerms) {
      const exact = weight(column);
      // A term met only through its prefix counts for less.
      score += exact > 0 || prefix === undefined ? exact : PREFIX_MATCH_WEIGHT * weight(column + 1);
      column += prefix === undefined ? 1 : 2;
    }
    return score;
  });
}

// A heading inherits from the best sentence under it, so a kept answer keeps its label.
function inheritHeadings(sentences: readonly SentenceToScore[], scores: number[]): void {
  let bestBelow = 0;
  for (let index = sentences.length - 1; index >= 0; index -= 1) {
    const sentence = sentences[index];
    if (sentence === undefined) continue;
    const score = scores[index] ?? 0;
    if (sentence.heading) {
      scores[index] = Math.max(score, HEADING_FROM_BODY * bestBelow);
      bestBelow = 0;
    } else bestBelow = Math.max(bestBelow, score);
    if (index > 0 && sentences[index - 1]?.chunk !== sentence.chunk) bestBelow = 0;
  }
}
