import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { EmbeddingModel } from '#libs/rag';
import { guardQuestions, type QuestionGuardOptions, type QuestionGuardVerdict } from './question-guard.js';
import { dotAt } from './index/vector-math.js';

const cachePairSchema = z
  .object({
    id: z.string().min(1),
    domain: z.string().min(1),
    /** `paraphrase` for pairs that should hit; the kind of near-miss otherwise. */
    category: z.string().min(1),
    expected: z.enum(['hit', 'miss']),
    a: z.string().min(1),
    b: z.string().min(1),
  })
  .strict();

/** One labelled pair: would serving `a`'s answer to `b` be right (`hit`) or wrong (`miss`)? */
export type CachePair = z.output<typeof cachePairSchema>;

/** Validates the labelled set (`__fixtures__/cache-pairs.json`); throws naming the bad entry. */
export function parseCachePairs(json: unknown): CachePair[] {
  const pairs = z.object({ description: z.string().optional(), pairs: z.array(cachePairSchema).min(1) }).parse(json).pairs;
  const seen = new Set<string>();
  for (const pair of pairs) {
    if (seen.has(pair.id)) throw new Error(`pair id '${pair.id}' appears twice`);
    seen.add(pair.id);
    if ((pair.category === 'paraphrase') !== (pair.expected === 'hit')) throw new Error(`pair '${pair.id}': only paraphrases are expected to hit`);
  }
  return pairs;
}

/** The held-out quarter: pairs whose id hashes (SHA-256, first byte) to a multiple of 4. Never used for tuning. */
export function isHeldOut(id: string): boolean {
  return (createHash('sha256').update(id).digest()[0] as number) % 4 === 0;
}

/** A pair with its embedding similarity and the guard's verdict. */
export interface ScoredPair {
  readonly pair: CachePair;
  readonly similarity: number;
  readonly guard: QuestionGuardVerdict;
}

/**
 * Embeds both questions of every pair (as queries, in batches of the model's size) and runs the
 * guard with `a` as the cached question and `b` as the one asked.
 */
export async function scoreCachePairs(pairs: readonly CachePair[], model: EmbeddingModel, guard: QuestionGuardOptions = {}): Promise<ScoredPair[]> {
  const texts = pairs.flatMap((pair) => [pair.a, pair.b]);
  const vectors: Float32Array[] = [];
  for (let start = 0; start < texts.length; start += model.maxBatchSize) {
    const { embeddings } = await model.embed(texts.slice(start, start + model.maxBatchSize), { purpose: 'query' });
    vectors.push(...embeddings);
  }
  return pairs.map((pair, index) => ({
    pair,
    similarity: cosine(vectors[2 * index] as Float32Array, vectors[2 * index + 1] as Float32Array),
    guard: guardQuestions(pair.a, pair.b, guard),
  }));
}

/** Hit and false-hit rates of one split at one threshold, with and without the guard. */
export interface ThresholdResult {
  readonly threshold: number;
  readonly guard: boolean;
  readonly paraphrases: number;
  readonly paraphraseHits: number;
  readonly paraphraseHitRate: number;
  readonly nearMisses: number;
  readonly falseHits: number;
  readonly falseHitRate: number;
  /** Ids of the near-misses that would have been served, for the report. */
  readonly falseHitIds: readonly string[];
}

/** Which pairs would be served at `threshold`: similarity at or above it, and (with `guard`) accepted by the guard. */
export function evaluateAtThreshold(scored: readonly ScoredPair[], threshold: number, guard: boolean): ThresholdResult {
  const served = (item: ScoredPair) => item.similarity >= threshold && (!guard || item.guard.accepted);
  const paraphrases = scored.filter((item) => item.pair.expected === 'hit');
  const nearMisses = scored.filter((item) => item.pair.expected === 'miss');
  const paraphraseHits = paraphrases.filter(served).length;
  const falseHits = nearMisses.filter(served);
  return {
    threshold,
    guard,
    paraphrases: paraphrases.length,
    paraphraseHits,
    paraphraseHitRate: rate(paraphraseHits, paraphrases.length),
    nearMisses: nearMisses.length,
    falseHits: falseHits.length,
    falseHitRate: rate(falseHits.length, nearMisses.length),
    falseHitIds: falseHits.map((item) => item.pair.id),
  };
}

/** Similarity quantiles of paraphrases and near-misses: how well the embedding alone separates them. */
export function similaritySpread(scored: readonly ScoredPair[]): Record<'paraphrase' | 'nearMiss', { readonly min: number; readonly median: number; readonly max: number }> {
  const spread = (values: number[]) => {
    const sorted = values.sort((a, b) => a - b);
    return { min: round(sorted[0] ?? Number.NaN), median: round(sorted[Math.floor(sorted.length / 2)] ?? Number.NaN), max: round(sorted[sorted.length - 1] ?? Number.NaN) };
  };
  return {
    paraphrase: spread(scored.filter((item) => item.pair.expected === 'hit').map((item) => item.similarity)),
    nearMiss: spread(scored.filter((item) => item.pair.expected === 'miss').map((item) => item.similarity)),
  };
}

function cosine(a: Float32Array, b: Float32Array): number {
  const norms = Math.sqrt(dotAt(a, 0, a, 0, a.length) * dotAt(b, 0, b, 0, b.length));
  return norms === 0 ? 0 : dotAt(a, 0, b, 0, a.length) / norms;
}

function rate(count: number, total: number): number {
  return total === 0 ? Number.NaN : round(count / total);
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
