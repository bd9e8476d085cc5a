import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  decideAdmission,
  exactCacheKey,
  isSemanticallyCacheable,
  normalizeMessageContent,
  ResponseCache,
  semanticLookupKey,
  type AdmissionDecision,
  type CacheLookupResult,
  type CachePolicy,
  type CollectionVersion,
  type JsonValue,
} from '#libs/cache';
import type { ChatRequest, ChatResult, RetrievalSettings, RoutePlan } from '#libs/contracts';
import type { EmbeddingModel } from '#libs/rag';
import { usdToNanos, type StoredCacheEntry } from '#libs/store';
import { RouteTable } from '#libs/routes';
import { AppSettings } from '../app-settings.js';
import type { OpenAiChatCompletion } from '../chat/to-openai-response.js';
import { RagRuntimeRef } from '../rag-runtime-ref.js';
import { cacheKeyForRequest, retrievalOf } from './cache-key-for-request.js';
import type { CacheBypassReason, SemanticSkipReason, WireCacheBypass, WireCacheHit, WireCacheMiss } from './cache-report.js';
import { CacheStats } from './cache-stats.js';
import { shortCacheKey } from './cache-workflow-id.js';
import { CollectionVersions } from './collection-versions.js';
import { savingsOf, toCacheHitResponse } from './to-cache-hit-response.js';

/** Expired entries are dropped when touched; this sweep frees the ones nobody asks for again. */
const PURGE_INTERVAL_MS = 60_000;

/** What a miss carries to admission once the workflow has answered. */
export interface CacheMissTicket {
  readonly tenantId: string;
  /** The route whose cache (and policy) the answer goes to. */
  readonly route: string;
  readonly policy: CachePolicy;
  readonly exactKey: string;
  /** The last user turn as keyed. */
  readonly question: string;
  /** Present when the request was looked up by meaning: filed under the same namespace and vector. */
  readonly semantic?: { readonly namespace: string; readonly vector: Float32Array };
}

/** What the cache decided before any workflow starts. */
export type CacheDecision =
  | { readonly kind: 'bypass'; readonly report: WireCacheBypass }
  | { readonly kind: 'hit'; readonly response: ReturnType<typeof toCacheHitResponse> }
  | { readonly kind: 'miss'; readonly ticket: CacheMissTicket; readonly report: Omit<WireCacheMiss, 'joined' | 'admitted' | 'not_admitted'> };

/**
 * The API's response cache: one in-memory ResponseCache per cache-enabled route (its policy's
 * size bound over all tenants; the tenant is in every key and semantic namespace), looked up
 * before a workflow starts and filled after a successful one. Questions are embedded with the
 * RAG runtime's default embedding model. Collections a request is grounded in are keyed with
 * their current version, and entries citing a document that changed are dropped. See docs/cache.md.
 */
@Injectable()
export class ChatCache implements OnModuleDestroy {
  /** Outcome counters per tenant (`GET /v1/cache/stats`). */
  readonly stats = new CacheStats();
  private readonly logger = new Logger('ChatCache');
  private readonly caches = new Map<string, ResponseCache>();
  /** Per route: the load of stored entries into memory, awaited by the route's first lookups. */
  private readonly loading = new Map<string, Promise<void>>();
  private readonly versions: CollectionVersions;
  private readonly anyRouteCached: boolean;
  private readonly purgeTimer: NodeJS.Timeout;
  /** undefined until first needed; null when the default embedding model cannot be built. */
  private embedder: EmbeddingModel | null | undefined;

  constructor(
    private readonly settings: AppSettings,
    private readonly routes: RouteTable,
    private readonly rag: RagRuntimeRef,
  ) {
    this.versions = new CollectionVersions(rag.runtime.documents, (tenantId, documentIds) => this.invalidate(tenantId, documentIds));
    this.anyRouteCached = Object.values(settings.config.routes).some((route) => route.cache !== undefined);
    this.purgeTimer = setInterval(() => this.purgeExpired(), PURGE_INTERVAL_MS);
    this.purgeTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purgeTimer);
  }

  /** Looks the request up, or says why it was not. Only reads: a miss admits nothing yet. */
  async lookup(request: ChatRequest, bypass: CacheBypassReason | undefined): Promise<CacheDecision> {
    const tenantId = request.caller.tenantId;
    const routed = this.cachedRoute(request);
    if (routed === undefined) return this.bypassed(tenantId, 'route-not-cached');
    if (bypass !== undefined) return this.bypassed(tenantId, bypass);
    const { plan, policy } = routed;

    const keyInput = cacheKeyForRequest(request, plan, await this.collectionVersions(tenantId, retrievalOf(request, plan)));
    const exactKey = exactCacheKey(keyInput);
    const cache = this.cacheFor(plan.route, policy);
    await this.loading.get(plan.route);
    let exact = cache.lookup({ exactKey });
    if (exact.entry === undefined) {
      // Another replica (or this one before a restart) may have stored the answer.
      const stored = await this.rag.runtime.cacheEntries.findLive(plan.route, exactKey, new Date()).catch(() => undefined);
      if (stored !== undefined && this.restore(cache, stored)) exact = cache.lookup({ exactKey });
    }
    if (exact.entry !== undefined) return this.served(request, exactKey, exact);

    let semantic: CacheMissTicket['semantic'];
    let semanticSkipped: SemanticSkipReason | undefined;
    let rejected: WireCacheMiss['rejected'];
    if (policy.semantic) {
      const cacheable = isSemanticallyCacheable(keyInput, policy);
      if (!cacheable.cacheable) {
        semanticSkipped = cacheable.reason;
      } else {
        const { namespace, question } = semanticLookupKey(keyInput);
        const vector = await this.embedQuestion(question);
        if (vector === undefined) {
          semanticSkipped = 'embedding-failed';
        } else {
          semantic = { namespace, vector };
          const found = cache.lookup({ exactKey, semantic: { namespace, question, vector, threshold: policy.threshold } });
          if (found.entry !== undefined) return this.served(request, exactKey, found);
          if (found.outcome.status === 'miss' && found.outcome.rejected) rejected = { score: round(found.outcome.rejected.score), reason: found.outcome.rejected.reason };
        }
      }
    }
    this.stats.miss(tenantId);
    const lastUser = request.messages.findLast((message) => message.role === 'user');
    return {
      kind: 'miss',
      ticket: { tenantId, route: plan.route, policy, exactKey, question: normalizeMessageContent(lastUser?.content ?? ''), ...(semantic ? { semantic } : {}) },
      report: { status: 'miss', key: shortCacheKey(exactKey), ...(rejected ? { rejected } : {}), ...(semanticSkipped ? { semantic_skipped: semanticSkipped } : {}) },
    };
  }

  /**
   * Files a workflow's answer under the miss's keys when it may be cached: a complete (`stop`),
   * non-empty answer, and not the simulator's unless the route's policy says `admitSimulated`.
   * The entry is invalidated when a document it cites changes.
   */
  admit(ticket: CacheMissTicket, response: OpenAiChatCompletion, result: ChatResult): AdmissionDecision {
    const decision = decideAdmission({
      finishReason: result.response.finishReason,
      content: result.response.content,
      simulated: result.response.simulated && !ticket.policy.admitSimulated,
      ungrounded: result.validation?.action === 'flagged',
    });
    this.stats.admission(ticket.tenantId, decision);
    if (!decision.admit) return decision;
    const sourceDocumentIds = [...new Set(result.citations.map((citation) => citation.documentId))];
    const ttlMs = ticket.policy.ttlSeconds * 1000;
    this.cacheFor(ticket.route, ticket.policy).admit({
      id: result.requestId,
      tenantId: ticket.tenantId,
      exactKey: ticket.exactKey,
      question: ticket.question,
      // The completion is plain JSON (strings, numbers, booleans, nulls, arrays and objects).
      answer: response as unknown as JsonValue,
      sourceDocumentIds,
      ttlMs,
      ...(ticket.semantic ? { semantic: ticket.semantic } : {}),
    });
    const now = Date.now();
    this.rag.runtime.cacheEntries
      .save({
        route: ticket.route,
        id: result.requestId,
        tenantId: ticket.tenantId,
        exactKey: ticket.exactKey,
        question: ticket.question,
        answer: JSON.stringify(response),
        sourceDocumentIds,
        ...(ticket.semantic ? { namespace: ticket.semantic.namespace, vector: ticket.semantic.vector } : {}),
        createdAt: new Date(now).toISOString(),
        expiresAt: new Date(now + ttlMs).toISOString(),
      })
      .catch((error: unknown) => this.logger.warn(`cache entry not stored (kept in memory only): ${error instanceof Error ? error.message : String(error)}`));
    return decision;
  }

  /** Counts a miss answered by an identical request in flight: the call it did not make is saved. */
  recordJoin(tenantId: string, response: OpenAiChatCompletion): void {
    this.stats.joined(tenantId, savingsOf(response));
  }

  /** The route and policy that apply, when the request's route caches; undefined otherwise. */
  private cachedRoute(request: ChatRequest): { plan: RoutePlan; policy: CachePolicy } | undefined {
    if (!this.anyRouteCached) return undefined;
    const configured = this.settings.config.routes;
    // `auto` only knows its route after classification; a named route or model is looked up directly.
    if (request.model !== 'auto' && configured[request.model]?.cache === undefined) return undefined;
    const plan = this.routes.plan({ model: request.model, messages: request.messages, ...(request.tierHint ? { tierHint: request.tierHint } : {}) });
    const policy = configured[plan.route]?.cache;
    if (policy === undefined || (!policy.exact && !policy.semantic)) return undefined;
    return { plan, policy };
  }

  private async collectionVersions(tenantId: string, retrieval: RetrievalSettings | undefined): Promise<CollectionVersion[]> {
    return Promise.all(
      (retrieval?.collections ?? []).map(async (name): Promise<CollectionVersion> => {
        const collection = await this.rag.runtime.collections.resolve(tenantId, name);
        // The workflow will fail on it; keyed apart so a collection created later is not confused with it.
        if (collection === undefined) return { collectionId: `unknown:${name}`, version: 0 };
        return { collectionId: collection.id, version: await this.versions.version(tenantId, collection.id) };
      }),
    );
  }

  private async served(request: ChatRequest, exactKey: string, found: CacheLookupResult): Promise<CacheDecision> {
    const entry = found.entry as NonNullable<CacheLookupResult['entry']>;
    const stored = entry.answer as unknown as OpenAiChatCompletion;
    const saved = savingsOf(stored);
    const semantic = found.outcome.status === 'hit-semantic';
    this.stats.hit(request.caller.tenantId, semantic ? 'semantic' : 'exact', saved);
    // Metered like any answer (before it is sent, so /v1/usage never lags): a usage event of cost 0
    // that records what the cache saved. A metering fault is logged, never turned into an error.
    await this.rag.runtime.usage
      .record({
        requestId: request.requestId,
        attempt: 0,
        tenantId: request.caller.tenantId,
        userId: request.caller.userId,
        keyId: request.caller.keyId,
        provider: 'cache',
        model: stored.model,
        costNanos: 0,
        occurredAt: new Date().toISOString(),
        cache: {
          status: semantic ? 'hit-semantic' : 'hit-exact',
          savedCostNanos: usdToNanos(saved.costUsd),
          ...(saved.inputTokens !== null ? { savedInputTokens: saved.inputTokens } : {}),
          ...(saved.outputTokens !== null ? { savedOutputTokens: saved.outputTokens } : {}),
        },
      })
      .catch((error: unknown) => this.logger.warn(`cache hit not metered: ${error instanceof Error ? error.message : String(error)}`));
    const report: WireCacheHit = {
      status: semantic ? 'hit-semantic' : 'hit-exact',
      key: shortCacheKey(exactKey),
      ...(found.outcome.status === 'hit-semantic' ? { score: round(found.outcome.score) } : {}),
      source_request_id: stored.ballast.request_id,
      source_workflow_id: stored.ballast.workflow_id,
      cached_at: new Date(entry.createdAt).toISOString(),
      saved: { input_tokens: saved.inputTokens, output_tokens: saved.outputTokens, cost_usd: saved.costUsd },
    };
    return { kind: 'hit', response: toCacheHitResponse(stored, { requestId: request.requestId, now: new Date(), report }) };
  }

  private bypassed(tenantId: string, reason: CacheBypassReason): CacheDecision {
    this.stats.bypass(tenantId, reason);
    return { kind: 'bypass', report: { status: 'bypass', reason } };
  }

  private cacheFor(route: string, policy: CachePolicy): ResponseCache {
    let cache = this.caches.get(route);
    if (cache === undefined) {
      // A route without semantic caching never files a vector: its index dimension is moot.
      const dimensions = policy.semantic ? (this.embeddingModel()?.dimensions ?? 1) : 1;
      cache = new ResponseCache({ dimensions, maxEntries: policy.maxEntries, now: Date.now });
      this.caches.set(route, cache);
      this.loading.set(route, this.loadStored(route, cache, policy.maxEntries));
    }
    return cache;
  }

  private async embedQuestion(question: string): Promise<Float32Array | undefined> {
    const model = this.embeddingModel();
    if (model === undefined) return undefined;
    try {
      const { embeddings } = await model.embed([question], { purpose: 'query' });
      const vector = embeddings[0];
      // A question of stop words only can embed to zero: it has no direction to compare.
      return vector !== undefined && vector.some((value) => value !== 0) ? vector : undefined;
    } catch (error) {
      this.logger.warn(`question not embedded, exact lookup only: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private embeddingModel(): EmbeddingModel | undefined {
    if (this.embedder === undefined) {
      const { embeddings } = this.rag.runtime;
      try {
        this.embedder = embeddings.get(embeddings.defaultModelName());
      } catch (error) {
        this.logger.warn(`semantic cache off: ${error instanceof Error ? error.message : String(error)}`);
        this.embedder = null;
      }
    }
    return this.embedder ?? undefined;
  }

  private invalidate(tenantId: string, documentIds: readonly string[]): void {
    let dropped = 0;
    for (const cache of this.caches.values()) for (const documentId of documentIds) dropped += cache.invalidateDocument(documentId);
    if (dropped > 0) this.stats.invalidated(tenantId, dropped);
  }

  private purgeExpired(): void {
    for (const cache of this.caches.values()) cache.purgeExpired();
    this.rag.runtime.cacheEntries.deleteExpired(new Date()).catch(() => undefined);
  }

  /** Fills a route's memory from the store (newest entries last, so they are evicted last). */
  private async loadStored(route: string, cache: ResponseCache, maxEntries: number): Promise<void> {
    try {
      const stored = await this.rag.runtime.cacheEntries.listLive(route, new Date(), maxEntries);
      for (const entry of stored.reverse()) this.restore(cache, entry);
    } catch (error) {
      this.logger.warn(`stored cache entries of route ${route} not loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Puts a stored entry into memory; false when it expired or no longer fits (another embedding model). */
  private restore(cache: ResponseCache, entry: StoredCacheEntry): boolean {
    const ttlMs = Date.parse(entry.expiresAt) - Date.now();
    if (!(ttlMs > 0)) return false;
    try {
      cache.admit({
        id: entry.id,
        tenantId: entry.tenantId,
        exactKey: entry.exactKey,
        question: entry.question,
        answer: JSON.parse(entry.answer) as JsonValue,
        sourceDocumentIds: entry.sourceDocumentIds,
        ttlMs,
        ...(entry.namespace !== undefined && entry.vector !== undefined ? { semantic: { namespace: entry.namespace, vector: entry.vector } } : {}),
      });
      return true;
    } catch {
      return false;
    }
  }
}

function round(score: number): number {
  return Math.round(score * 10_000) / 10_000;
}
