import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { canonicalKeyContext, canonicalMessage, type CacheKeyInput } from './cache-key-input.js';

/**
 * The exact-cache key of a request: SHA-256 (hex) of the canonical JSON of everything that can
 * change the answer (tenant, resolved route and model, every message, every setting including
 * provider-specific ones, tools, tool choice, response format, collections with their versions,
 * retrieval knobs) and the key schema version. Object key order and `undefined`-versus-absent
 * never change the key; see `normalizeMessageContent` for the only text normalisation.
 */
export function exactCacheKey(input: CacheKeyInput): string {
  const canonical = canonicalJson({ kind: 'exact', ...canonicalKeyContext(input), messages: input.messages.map(canonicalMessage) });
  return createHash('sha256').update(canonical).digest('hex');
}
