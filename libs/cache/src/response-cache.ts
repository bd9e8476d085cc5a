import type { JsonValue } from './canonical-json.js';
import type { CacheEntry, CacheOutcome } from './cache-entry.js';
import { guardQuestions, type QuestionGuardOptions } from './question-guard.js';
import { profileQuestion, type QuestionProfile } from './guard/question-profile.js';
import { LruTtlCache } from './lru-ttl-cache.js';
import { SemanticIndex, type SemanticIndexOptions } from './semantic-index.js';

/** Options of a ResponseCache. */
export interface ResponseCacheOptions {
  /** Length of the question embeddings. */
  readonly dimensions: number;
  /** Most entries; the least recently used are evicted past it. */
  readonly maxEntries: number;
  /** Clock in epoch milliseconds (injected: nothing here reads Date.now). */
  readonly now: () => number;
  /** Nearest entries checked per semantic lookup, best first, until one passes. Default 4. */
  readonly candidates?: number;
  /** Guard tuning; `false` turns the guard off (benchmarks measure the baseline that way). */
  readonly guard?: QuestionGuardOptions | false;
  readonly index?: Omit<SemanticIndexOptions, 'dimensions'>;
}

/** A lookup: always the exact key; the semantic part only when the request is semantically cacheable. */
export interface CacheLookup {
  readonly exactKey: string;
  readonly semantic?: {
    readonly namespace: string;
    readonly question: string;
    readonly vector: Float32Array;
    /** Cosine similarity a candidate must reach. */
    readonly threshold: number;
  };
}

/** What a lookup found. */
export interface CacheLookupResult {
  readonly outcome: CacheOutcome;
  /** The entry served, on a hit. */
  readonly entry?: CacheEntry;
}

/** An answer to admit (see `decideAdmission`). */
export interface CacheAdmission {
  readonly id: string;
  readonly tenantId: string;
  readonly exactKey: string;
  readonly question: string;
  readonly answer: JsonValue;
  readonly sourceDocumentIds?: readonly string[];
  readonly ttlMs: number;
  /** Present when the request was semantically cacheable. */
  readonly semantic?: { readonly namespace: string; readonly vector: Float32Array };
}

/**
 * The in-memory cache of one process: exact keys, a semantic index by namespace, the question
 * guard on every semantic candidate, TTL and a size bound with LRU eviction, and invalidation by
 * source document. Everything an entry is filed under is removed with it, whatever removed it.
 */
export class ResponseCache {
  private readonly entries: LruTtlCache<string, CacheEntry>;
  private readonly byExactKey = new Map<string, string>();
  private readonly byDocument = new Map<string, Set<string>>();
  private readonly profiles = new Map<string, QuestionProfile>();
  private readonly index: SemanticIndex;

  constructor(private readonly options: ResponseCacheOptions) {
    this.index = new SemanticIndex({ ...options.index, dimensions: options.dimensions });
    this.entries = new LruTtlCache<string, CacheEntry>({ maxEntries: options.maxEntries, now: options.now, onEvict: (id, entry) => this.forget(id, entry) });
  }

  get size(): number {
    return this.entries.size;
  }

  /** Exact key first; then the nearest entries of the namespace at or above the threshold that pass the guard. */
  lookup(request: CacheLookup): CacheLookupResult {
    const exactId = this.byExactKey.get(request.exactKey);
    const exact = exactId === undefined ? undefined : this.entries.get(exactId);
    if (exact !== undefined) return this.served(exact, { status: 'hit-exact', entryId: exact.id });
    const semantic = request.semantic;
    if (semantic === undefined) return { outcome: { status: 'miss' } };
    let rejected: { entryId: string; score: number; reason: string } | undefined;
    let askedProfile: QuestionProfile | undefined;
    for (const match of this.index.search(semantic.namespace, semantic.vector, this.options.candidates ?? 4)) {
      if (match.score < semantic.threshold) break;
      const entry = this.entries.peek(match.id);
      if (entry === undefined) continue;
      if (this.options.guard !== false) {
        askedProfile ??= profileQuestion(semantic.question);
        const verdict = guardQuestions(this.profiles.get(entry.id) ?? entry.question, askedProfile, this.options.guard);
        if (!verdict.accepted) {
          rejected ??= { entryId: entry.id, score: match.score, reason: `${verdict.reason}: ${verdict.detail}` };
          continue;
        }
      }
      this.entries.get(entry.id);
      return this.served(entry, { status: 'hit-semantic', entryId: entry.id, score: match.score });
    }
    return { outcome: rejected === undefined ? { status: 'miss' } : { status: 'miss', rejected } };
  }

  /** Stores an answer; an entry with the same id or exact key is replaced. */
  admit(admission: CacheAdmission): CacheEntry {
    const previous = this.byExactKey.get(admission.exactKey);
    if (previous !== undefined) this.entries.delete(previous);
    const now = this.options.now();
    const entry: CacheEntry = {
      id: admission.id,
      tenantId: admission.tenantId,
      exactKey: admission.exactKey,
      namespace: admission.semantic?.namespace,
      question: admission.question,
      answer: admission.answer,
      sourceDocumentIds: [...(admission.sourceDocumentIds ?? [])],
      createdAt: now,
      expiresAt: now + admission.ttlMs,
      hits: 0,
    };
    this.entries.set(entry.id, entry, admission.ttlMs);
    this.byExactKey.set(entry.exactKey, entry.id);
    for (const documentId of entry.sourceDocumentIds) {
      let ids = this.byDocument.get(documentId);
      if (ids === undefined) this.byDocument.set(documentId, (ids = new Set()));
      ids.add(entry.id);
    }
    if (admission.semantic !== undefined) {
      this.index.add(entry.id, admission.semantic.namespace, admission.semantic.vector);
      this.profiles.set(entry.id, profileQuestion(entry.question));
    }
    return entry;
  }

  /** Drops every entry grounded in a document that changed or was deleted; returns how many. */
  invalidateDocument(documentId: string): number {
    const ids = [...(this.byDocument.get(documentId) ?? [])];
    for (const id of ids) this.entries.delete(id);
    return ids.length;
  }

  /** Drops one entry. */
  delete(id: string): boolean {
    return this.entries.delete(id);
  }

  /** Drops every expired entry; returns how many. */
  purgeExpired(): number {
    return this.entries.purgeExpired();
  }

  private served(entry: CacheEntry, outcome: CacheOutcome): CacheLookupResult {
    entry.hits += 1;
    return { outcome, entry };
  }

  private forget(id: string, entry: CacheEntry): void {
    if (this.byExactKey.get(entry.exactKey) === id) this.byExactKey.delete(entry.exactKey);
    for (const documentId of entry.sourceDocumentIds) {
      const ids = this.byDocument.get(documentId);
      ids?.delete(id);
      if (ids?.size === 0) this.byDocument.delete(documentId);
    }
    this.index.remove(id);
    this.profiles.delete(id);
  }
}
