import type { Kysely } from 'kysely';
import type { StoreSchema } from '../schema.js';

/** A stored response-cache entry (the answer as JSON text, the vector as base64 float32). */
export interface StoredCacheEntry {
  readonly route: string;
  readonly id: string;
  readonly tenantId: string;
  readonly exactKey: string;
  readonly namespace?: string;
  readonly question: string;
  readonly answer: string;
  readonly sourceDocumentIds: readonly string[];
  readonly vector?: Float32Array;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** Response-cache entries by route; every read skips expired rows. */
export class CacheEntriesRepository {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  /** Stores an entry; the same (route, id) twice keeps the first. */
  async save(entry: StoredCacheEntry): Promise<void> {
    await this.db
      .insertInto('cache_entries')
      .values({
        route: entry.route,
        id: entry.id,
        tenant_id: entry.tenantId,
        exact_key: entry.exactKey,
        namespace: entry.namespace ?? null,
        question: entry.question,
        answer: entry.answer,
        source_document_ids: JSON.stringify(entry.sourceDocumentIds),
        vector: entry.vector === undefined ? null : Buffer.from(entry.vector.buffer, entry.vector.byteOffset, entry.vector.byteLength).toString('base64'),
        created_at: entry.createdAt,
        expires_at: entry.expiresAt,
      })
      .onConflict((conflict) => conflict.columns(['route', 'id']).doNothing())
      .execute();
  }

  /** The newest live entry of a route under an exact key (another replica may have stored it). */
  async findLive(route: string, exactKey: string, now: Date): Promise<StoredCacheEntry | undefined> {
    const row = await this.db
      .selectFrom('cache_entries')
      .selectAll()
      .where('route', '=', route)
      .where('exact_key', '=', exactKey)
      .where('expires_at', '>', now.toISOString())
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row === undefined ? undefined : toEntry(row);
  }

  /** A route's live entries, newest first, at most `limit`: what an API process loads at start. */
  async listLive(route: string, now: Date, limit: number): Promise<StoredCacheEntry[]> {
    const rows = await this.db
      .selectFrom('cache_entries')
      .selectAll()
      .where('route', '=', route)
      .where('expires_at', '>', now.toISOString())
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toEntry);
  }

  /** Removes expired entries; returns how many. */
  async deleteExpired(now: Date): Promise<number> {
    const result = await this.db.deleteFrom('cache_entries').where('expires_at', '<=', now.toISOString()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

function toEntry(row: StoreSchema['cache_entries']): StoredCacheEntry {
  const vector = row.vector === null ? undefined : decodeVector(row.vector);
  return {
    route: row.route,
    id: row.id,
    tenantId: row.tenant_id,
    exactKey: row.exact_key,
    ...(row.namespace === null ? {} : { namespace: row.namespace }),
    question: row.question,
    answer: row.answer,
    sourceDocumentIds: JSON.parse(row.source_document_ids) as string[],
    ...(vector === undefined ? {} : { vector }),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
  };
}

function decodeVector(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  // Copied into an aligned buffer: a Buffer's offset need not be a multiple of 4.
  return new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
}
