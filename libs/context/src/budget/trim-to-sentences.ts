import { splitSentences } from '#libs/rag';
import type { TokenCounter } from '../tokens/token-counter.js';

// The bound over-counts by at most one a join; this many more sentences are tried exactly.
const EXACT_EXTENSIONS = 3;

/**
 * The longest leading run of whole sentences of `text` within `maxTokens`, as a verbatim prefix,
 * or undefined when not even the first sentence fits. Sentence counts plus one token per join
 * bound the prefix cheaply; the prefix is then counted exactly, shortened if it must be and
 * extended by a sentence or so while the exact count allows.
 */
export function trimToSentences(text: string, maxTokens: number, counter: TokenCounter): { readonly text: string; readonly tokens: number } | undefined {
  const ranges = splitSentences(text);
  let count = 0;
  let bound = 0;
  for (const range of ranges) {
    bound += counter.count(text.slice(range.start, range.end)) + (count === 0 ? 0 : 1);
    if (bound > maxTokens) break;
    count += 1;
  }
  const exact = (sentences: number): number => counter.count(text.slice(0, ranges[sentences - 1]?.end ?? 0));
  let tokens = count > 0 ? exact(count) : 0;
  while (count > 0 && tokens > maxTokens) {
    count -= 1;
    tokens = count > 0 ? exact(count) : 0;
  }
  for (let tries = 0; tries < EXACT_EXTENSIONS && count < ranges.length; tries += 1) {
    const longer = exact(count + 1);
    if (longer > maxTokens) break;
    count += 1;
    tokens = longer;
  }
  return count === 0 ? undefined : { text: text.slice(0, ranges[count - 1]?.end ?? 0), tokens };
}
