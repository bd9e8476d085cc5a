import { splitToWords } from '../split/split-to-words.js';
import type { TokenCounter } from '../tokens/token-counter.js';

/**
 * The naive baseline: chunks in rank order, whole while they fit, the first that does not fit
 * cut at a word boundary to the remaining tokens, the rest dropped.
 */
export function truncateToBudget(chunks: readonly string[], budget: number, counter: TokenCounter): string[] {
  const kept: string[] = [];
  let remaining = budget;
  for (const chunk of chunks) {
    const tokens = counter.count(chunk);
    if (tokens <= remaining) {
      kept.push(chunk);
      remaining -= tokens;
      continue;
    }
    if (remaining > 0) {
      const head = splitToWords(chunk, remaining, counter)[0];
      if (head !== undefined && head !== '') kept.push(head);
    }
    break;
  }
  return kept;
}
