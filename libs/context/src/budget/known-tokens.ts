import type { ChunkProfile } from '../profile/chunk-profile.js';
import { encodingForFamily } from '../tokens/model-family.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import type { RetrievedDocument } from './context-report.js';

/**
 * The document's tokens for `counter` when the caller already knows them (`tokens`, or its
 * ingestion `profile`, parsed), else undefined (then it is counted). A count is only taken when
 * `counter` is exact and in the same encoding: an o200k count says nothing exact about cl100k or
 * about an estimated model.
 */
export function knownTokens(document: RetrievedDocument, counter: TokenCounter, profile?: ChunkProfile): number | undefined {
  const given = document.tokens !== undefined && document.tokenEncoding !== undefined;
  if (given && !(Number.isInteger(document.tokens) && (document.tokens ?? -1) >= 0)) {
    throw new RangeError(`document ${document.id}: tokens must be a non-negative integer, got ${document.tokens}`);
  }
  const encoding = counter.exact ? encodingForFamily(counter.family) : undefined;
  if (encoding === undefined) return undefined;
  if (given && document.tokenEncoding === encoding) return document.tokens;
  return profile?.tokens[encoding];
}
