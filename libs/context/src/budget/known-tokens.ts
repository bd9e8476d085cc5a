import { encodingForFamily } from '../tokens/model-family.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import type { RetrievedDocument } from './context-report.js';

/**
 * The document's tokens for `counter` when the caller already knows them, else undefined (then it
 * is counted). A count is only taken when `counter` is exact and in the same encoding: an o200k
 * count says nothing exact about cl100k or about an estimated model.
 */
export function knownTokens(document: RetrievedDocument, counter: TokenCounter): number | undefined {
  if (document.tokens === undefined || document.tokenEncoding === undefined) return undefined;
  if (!Number.isInteger(document.tokens) || document.tokens < 0) throw new RangeError(`document ${document.id}: tokens must be a non-negative integer, got ${document.tokens}`);
  return counter.exact && encodingForFamily(counter.family) === document.tokenEncoding ? document.tokens : undefined;
}
