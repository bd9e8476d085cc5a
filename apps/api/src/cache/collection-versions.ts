import { createHash } from 'node:crypto';
import { MAX_PAGE_LIMIT, type DocumentRecord, type Page, type PageOptions } from '#libs/store';

/** The part of the documents repository the fingerprint reads. */
export interface DocumentLister {
  list(tenantId: string, collectionId: string, options?: PageOptions): Promise<Page<DocumentRecord>>;
}

/** Told which documents a reader can no longer see as before (new active version, deleting or gone). */
export type DocumentsChanged = (tenantId: string, documentIds: readonly string[]) => void;

/**
 * The version of a collection as retrieval sees it: a fingerprint of the (document id, active
 * version) pairs search can return. A document being deleted, deleted, or given a new active
 * version changes it; a new version still ingesting does not (readers keep the old one until it
 * is activated), nor does a failed upload. Put in the cache key, it makes an answer grounded in
 * the old contents unreachable the moment the new contents become searchable.
 *
 * It also remembers the pairs it saw last per collection and reports documents that changed
 * since, so the cache can drop the entries that cited them instead of waiting for TTL or LRU.
 * Cost: one paged listing of the collection's documents per call (one query up to 1,000 documents).
 */
export class CollectionVersions {
  private readonly seen = new Map<string, ReadonlyMap<string, number>>();

  constructor(
    private readonly documents: DocumentLister,
    private readonly changed: DocumentsChanged,
  ) {}

  /** Fingerprint of what retrieval reads from the tenant's collection now. */
  async version(tenantId: string, collectionId: string): Promise<string> {
    const active = await this.readable(tenantId, collectionId);
    const slot = `${tenantId}\u0000${collectionId}`;
    const previous = this.seen.get(slot);
    this.seen.set(slot, active);
    if (previous !== undefined) {
      const changed = [...previous].filter(([documentId, version]) => active.get(documentId) !== version).map(([documentId]) => documentId);
      if (changed.length > 0) this.changed(tenantId, changed);
    }
    const pairs = [...active].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([documentId, version]) => `${documentId}:${version}`);
    return `${active.size}-${createHash('sha256').update(pairs.join('\n')).digest('hex').slice(0, 32)}`;
  }

  private async readable(tenantId: string, collectionId: string): Promise<Map<string, number>> {
    const active = new Map<string, number>();
    let cursor: string | undefined;
    do {
      const page = await this.documents.list(tenantId, collectionId, { limit: MAX_PAGE_LIMIT, ...(cursor === undefined ? {} : { cursor }) });
      for (const document of page.items) {
        if (document.activeVersion !== undefined && document.status !== 'deleting' && document.status !== 'deleted') active.set(document.id, document.activeVersion);
      }
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return active;
  }
}
