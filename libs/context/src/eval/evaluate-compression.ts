import { compressContext } from '../compress/compress-context.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import type { CompressionEvalItem } from './compression-eval-item.js';
import { truncateToBudget } from './truncate-to-budget.js';

/** How the context is shrunk: the query-aware compressor, or the naive rank-order cut at the same budget. */
export type ShrinkStrategy = 'compress' | 'truncate';

/** What to measure. */
export interface EvaluateCompressionOptions {
  readonly counter: TokenCounter;
  readonly targetRatio: number;
  readonly strategy: ShrinkStrategy;
  /** Passed to the compressor (default true). */
  readonly keepEveryChunk?: boolean;
}

/** One item's outcome. */
export interface ItemEvaluation {
  readonly id: string;
  readonly split: CompressionEvalItem['split'];
  readonly tokensBefore: number;
  readonly tokensAfter: number;
  /** tokensBefore / tokensAfter: 2 means half the tokens. */
  readonly reduction: number;
  readonly facts: number;
  readonly factsRetained: number;
  /** Needed facts no longer in the shrunk context. */
  readonly missing: readonly string[];
}

/** Aggregates over a set of items. */
export interface EvaluationSummary {
  readonly items: number;
  readonly meanReduction: number;
  readonly medianReduction: number;
  /** Tokens after over tokens before, summed over items. */
  readonly overallRatio: number;
  /** Needed facts still present over needed facts, over all items. */
  readonly factRetention: number;
  /** Share of items that kept every needed fact. */
  readonly itemsWithAllFacts: number;
}

/** An evaluation of one strategy at one target ratio. */
export interface CompressionEvaluation {
  readonly strategy: ShrinkStrategy;
  readonly targetRatio: number;
  readonly all: EvaluationSummary;
  readonly tune: EvaluationSummary;
  readonly holdout: EvaluationSummary;
  readonly items: readonly ItemEvaluation[];
}

/**
 * Shrinks each item's context to `targetRatio` of its tokens with `strategy` and measures the
 * token reduction and the share of needed facts (exact substrings) that survive.
 */
export function evaluateCompression(items: readonly CompressionEvalItem[], options: EvaluateCompressionOptions): CompressionEvaluation {
  const { counter, targetRatio, strategy } = options;
  const results = items.map((item): ItemEvaluation => {
    const tokensBefore = item.context.reduce((sum, chunk) => sum + counter.count(chunk), 0);
    const shrunk =
      strategy === 'compress'
        ? compressContext({
            query: item.question,
            chunks: item.context.map((text, index) => ({ id: String(index), text })),
            counter,
            targetRatio,
            ...(options.keepEveryChunk === undefined ? {} : { keepEveryChunk: options.keepEveryChunk }),
          }).chunks.map((chunk) => chunk.text)
        : truncateToBudget(item.context, Math.floor(tokensBefore * targetRatio), counter);
    const kept = shrunk.filter((text) => text !== '');
    const tokensAfter = kept.reduce((sum, text) => sum + counter.count(text), 0);
    const joined = kept.join('\n');
    const missing = item.neededFacts.filter((fact) => !joined.includes(fact));
    return {
      id: item.id,
      split: item.split,
      tokensBefore,
      tokensAfter,
      reduction: tokensAfter === 0 ? Number.POSITIVE_INFINITY : tokensBefore / tokensAfter,
      facts: item.neededFacts.length,
      factsRetained: item.neededFacts.length - missing.length,
      missing,
    };
  });
  return {
    strategy,
    targetRatio,
    all: summarize(results),
    tune: summarize(results.filter((result) => result.split === 'tune')),
    holdout: summarize(results.filter((result) => result.split === 'holdout')),
    items: results,
  };
}

function summarize(results: readonly ItemEvaluation[]): EvaluationSummary {
  const reductions = results.map((result) => result.reduction).sort((left, right) => left - right);
  const facts = results.reduce((sum, result) => sum + result.facts, 0);
  const before = results.reduce((sum, result) => sum + result.tokensBefore, 0);
  const after = results.reduce((sum, result) => sum + result.tokensAfter, 0);
  return {
    items: results.length,
    meanReduction: round(reductions.reduce((sum, value) => sum + value, 0) / Math.max(1, reductions.length)),
    medianReduction: round(median(reductions)),
    overallRatio: round(before === 0 ? 1 : after / before, 4),
    factRetention: round(facts === 0 ? 1 : results.reduce((sum, result) => sum + result.factsRetained, 0) / facts, 4),
    itemsWithAllFacts: round(results.length === 0 ? 1 : results.filter((result) => result.missing.length === 0).length / results.length, 4),
  };
}

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
