import { answerTypes } from './answer-types.js';
import { prefixKey } from './text-terms.js';
import { termsOf } from './words.js';

/**
 * The sentences to score, a column a feature (`count` rows), with where they sit; how often each
 * holds each query key is given apart (`ScoringQuery`).
 */
export interface SentencesToScore {
  readonly count: number;
  /** Each one's number of terms. */
  readonly length: ArrayLike<number>;
  /** `FACT` bits (`factMask`). */
  readonly facts: ArrayLike<number>;
  /** Index of its chunk, from 0; sentences of a chunk are given together, in reading order. */
  readonly chunk: ArrayLike<number>;
  /** 1 for a heading or label line: its relevance carries to the sentences below it and theirs back to it. */
  readonly heading: ArrayLike<number>;
  /** 1 when it opens like "It …": it leans on the sentence before. */
  readonly continuation: ArrayLike<number>;
}

/** A query's distinct terms, each with its prefix key, and the keys BM25 counts them by. */
export interface ScoringQuery {
  readonly text: string;
  readonly terms: readonly { readonly term: string; readonly prefix: string | undefined }[];
  /** The columns of the frequency matrix: each term, then its prefix key when it has one. */
  readonly keys: readonly string[];
}

/** The query's terms and BM25 keys. */
export function scoringQuery(query: string): ScoringQuery {
  const terms = [...new Set(termsOf(query))].map((term) => ({ term, prefix: prefixKey(term) }));
  return { text: query, terms, keys: terms.flatMap(({ term, prefix }) => (prefix === undefined ? [term] : [term, prefix])) };
}

/**
 * Where the query's keys occur: for each column of `ScoringQuery.keys`, the sentences holding its
 * key and how often, as `[sentence, count, sentence, count, …]`, each sentence at most once.
 * Sparse: most sentences hold none of the query's keys.
 */
export type QueryKeyHits = readonly (readonly number[])[];

/** The query's key hits in sentences given by their keys with repeats (`termKeys` of their terms). */
export function keyHits(query: ScoringQuery, sentences: readonly (readonly string[])[]): QueryKeyHits {
  return query.keys.map((column) => {
    const hits: number[] = [];
    sentences.forEach((keys, sentence) => {
      const count = keys.filter((key) => key === column).length;
      if (count > 0) hits.push(sentence, count);
    });
    return hits;
  });
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
 * under a relevant heading, and for continuing a relevant sentence. `hits` says where the query's
 * keys occur (`QueryKeyHits`). Pure and deterministic.
 */
export function scoreSentences(query: ScoringQuery, sentences: SentencesToScore, hits: QueryKeyHits): number[] {
  const { count, chunk, facts, heading, continuation } = sentences;
  if (hits.length !== query.keys.length) throw new RangeError(`expected hits for ${query.keys.length} keys, got ${hits.length}`);
  const wanted = answerTypes(query.text);
  const normalised = bm25(query, sentences, hits);
  let best = 0;
  for (let index = 0; index < count; index += 1) best = Math.max(best, normalised[index] ?? 0);
  for (let index = 0; index < count; index += 1) normalised[index] = best > 0 ? (normalised[index] ?? 0) / best : 0;

  let chunks = 0;
  for (let index = 0; index < count; index += 1) chunks = Math.max(chunks, (chunk[index] ?? 0) + 1);
  const chunkRelevance = zeros(chunks);
  for (let index = 0; index < count; index += 1) chunkRelevance[chunk[index] ?? 0] = (chunkRelevance[chunk[index] ?? 0] ?? 0) + (normalised[index] ?? 0);
  let bestChunk = 0;
  for (const relevance of chunkRelevance) bestChunk = Math.max(bestChunk, relevance);

  const scores = zeros(count);
  let headingRelevance = 0;
  for (let index = 0; index < count; index += 1) {
    const sameChunk = index > 0 && chunk[index - 1] === chunk[index];
    if (!sameChunk) headingRelevance = 0;
    const own = normalised[index] ?? 0;
    const sentenceFacts = facts[index] ?? 0;
    const isHeading = heading[index] === 1;
    let score = own;
    if ((sentenceFacts & wanted) !== 0) score += ANSWER_TYPE_WEIGHT * (own > 0 || headingRelevance > 0 ? 1 : 0.5);
    if (sentenceFacts !== 0) score += FACT_WEIGHT;
    if (bestChunk > 0) score += (CHUNK_WEIGHT * (chunkRelevance[chunk[index] ?? 0] ?? 0)) / bestChunk;
    if (!isHeading) score += HEADING_WEIGHT * headingRelevance;
    if (sameChunk && continuation[index] === 1) score += CONTINUATION_WEIGHT * (normalised[index - 1] ?? 0);
    if (isHeading) headingRelevance = own;
    scores[index] = score;
  }
  inheritHeadings(sentences, scores);
  return scores;
}

function bm25(query: ScoringQuery, sentences: SentencesToScore, hits: QueryKeyHits): number[] {
  const { terms } = query;
  const { count, length } = sentences;
  let totalLength = 0;
  for (let row = 0; row < count; row += 1) totalLength += length[row] ?? 0;
  const averageLength = Math.max(1, totalLength / Math.max(1, count));
  // A sentence's terms in query order, as the sum always took them: a term met exactly, else through its prefix.
  const scores = zeros(count);
  const exactIn = new Array<number>(count).fill(-1);
  let column = 0;
  for (let term = 0; term < terms.length; term += 1) {
    const prefix = terms[term]?.prefix;
    const exact = hits[column] ?? [];
    const idf = inverseDocumentFrequency(count, exact.length / 2);
    for (let index = 0; index < exact.length; index += 2) {
      const row = exact[index] ?? 0;
      exactIn[row] = term;
      scores[row] = (scores[row] ?? 0) + weight(exact[index + 1] ?? 0, idf, normOf(length[row] ?? 0, averageLength));
    }
    if (prefix !== undefined) {
      // A term met only through its prefix counts for less.
      const related = hits[column + 1] ?? [];
      const prefixIdf = inverseDocumentFrequency(count, related.length / 2);
      for (let index = 0; index < related.length; index += 2) {
        const row = related[index] ?? 0;
        if (exactIn[row] === term) continue;
        scores[row] = (scores[row] ?? 0) + PREFIX_MATCH_WEIGHT * weight(related[index + 1] ?? 0, prefixIdf, normOf(length[row] ?? 0, averageLength));
      }
    }
    column += prefix === undefined ? 1 : 2;
  }
  return scores;
}

// Plain arrays rather than typed arrays (those of this size live outside the heap and cost more
// to make), sized once, and holding doubles from the start.
function zeros(count: number): number[] {
  return new Array<number>(count).fill(0.5).fill(0);
}

function inverseDocumentFrequency(sentences: number, holding: number): number {
  return Math.log(1 + (sentences - holding + 0.5) / (holding + 0.5));
}

function normOf(length: number, averageLength: number): number {
  return K1 * (1 - B + (B * length) / averageLength);
}

function weight(frequency: number, idf: number, norm: number): number {
  return frequency === 0 ? 0 : (idf * frequency * (K1 + 1)) / (frequency + norm);
}

// A heading inherits from the best sentence under it, so a kept answer keeps its label.
function inheritHeadings(sentences: SentencesToScore, scores: number[]): void {
  const { chunk, heading } = sentences;
  let bestBelow = 0;
  for (let index = sentences.count - 1; index >= 0; index -= 1) {
    const score = scores[index] ?? 0;
    if (heading[index] === 1) {
      scores[index] = Math.max(score, HEADING_FROM_BODY * bestBelow);
      bestBelow = 0;
    } else bestBelow = Math.max(bestBelow, score);
    if (index > 0 && chunk[index - 1] !== chunk[index]) bestBelow = 0;
  }
}
