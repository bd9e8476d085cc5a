import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { canonicalKeyContext, canonicalMessage, normalizeMessageContent, type CacheKeyInput } from './cache-key-input.js';

/** What a semantic lookup needs: where to search, and the text to embed and guard. */
export interface SemanticLookupKey {
  /**
   * SHA-256 hex of everything in the exact key except the last user turn's text: the tenant,
   * route, model, settings, tools, collections with versions, system prompt, earlier turns and
   * the last turn's role and name. Two requests may share an answer only within one namespace.
   */
  readonly namespace: string;
  /** The last user turn, normalised as the exact key normalises it: the text to embed. */
  readonly question: string;
}

/** Why a request is not looked up (or stored) by meaning. */
export type SemanticBypassReason = 'no-user-turn' | 'multi-turn' | 'tool-calling' | 'empty-question';

/** Whether a request may use the semantic cache, and why not. */
export type SemanticCacheability = { readonly cacheable: true } | { readonly cacheable: false; readonly reason: SemanticBypassReason };

/** Which requests the route lets into the semantic cache beyond single-turn, tool-free ones. */
export interface SemanticCacheabilityOptions {
  /** Requests with earlier user or assistant turns. Default false. */
  readonly semanticMultiTurn?: boolean;
  /** Requests that offer tools or set a tool choice. Default false. */
  readonly semanticToolCalls?: boolean;
}

/**
 * Splits a request into its semantic namespace and question. Throws a RangeError when the last
 * message is not a user turn: check `isSemanticallyCacheable` first.
 */
export function semanticLookupKey(input: CacheKeyInput): SemanticLookupKey {
  const last = input.messages.at(-1);
  if (last?.role !== 'user') throw new RangeError('a semantic lookup needs a request that ends with a user turn');
  const canonical = canonicalJson({
    kind: 'semantic',
    ...canonicalKeyContext(input),
    earlierMessages: input.messages.slice(0, -1).map(canonicalMessage),
    lastTurn: { role: last.role, name: last.name === '' ? undefined : last.name },
  });
  return { namespace: createHash('sha256').update(canonical).digest('hex'), question: normalizeMessageContent(last.content) };
}

/**
 * Single-turn (system messages allowed), tool-free requests that end with a non-empty user turn
 * are semantically cacheable; multi-turn and tool-calling ones only when the route says so,
 * because a paraphrase in a conversation leans on turns the embedding of one turn cannot see.
 */
export function isSemanticallyCacheable(input: CacheKeyInput, options: SemanticCacheabilityOptions = {}): SemanticCacheability {
  const last = input.messages.at(-1);
  if (last?.role !== 'user') return { cacheable: false, reason: 'no-user-turn' };
  if (normalizeMessageContent(last.content) === '') return { cacheable: false, reason: 'empty-question' };
  const earlierTurns = input.messages.slice(0, -1).some((message) => message.role !== 'system');
  if (earlierTurns && options.semanticMultiTurn !== true) return { cacheable: false, reason: 'multi-turn' };
  const toolCalling = (input.tools !== undefined && input.tools.length > 0) || input.toolChoice !== undefined;
  if (toolCalling && options.semanticToolCalls !== true) return { cacheable: false, reason: 'tool-calling' };
  return { cacheable: true };
}
