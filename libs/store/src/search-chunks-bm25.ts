import { sql, type Kysely } from 'kysely';
import type { RetrievedChunkRef } from '#libs/contracts';
import { toFts5Query, toTsQuery } from './full-text-query.js';
import type { StoreSchema } from './schema.js';
import type { StoreDialect } from './store-dialect.js';

/** A keyword search over a tenant's collections. */
export interface Bm25SearchInput {
  readonly tenantId: string;
  /** Searched collections; ids of another tenant's collections match nothing. */
  readonly collectionIds: readonly string[];
  /** Any user text: it is reduced to its words before reaching the search syntax. */
  readonly query: string;
  /** Most hits returned, 1–1000. */
  readonly limit: number;
}

/** Largest `limit` a keyword search honours. */
export const MAX_BM25_RESULTS = 1000;

interface HitRow {
  chunk_id: string;
  document_id: string;
  collection_id: string;
  score: number;
}

/**
 * Best keyword matches, highest score first, among chunks of the ACTIVE version of live
 * documents of the tenant's collections. Scores: SQLite's FTS5 `bm25()` negated (higher is
 * better); Postgres has no BM25, so `ts_rank` with length normalisation stands in. Scores are
 * only comparable within one dialect, which is all reciprocal rank fusion needs.
 * Term statistics (IDF) are computed over the whole index, not per tenant: ranks may shift
 * with other tenants' data, results never include it.
 */
export async function searchChunksBm25(db: Kysely<StoreSchema>, dialect: StoreDialect, input: Bm25SearchInput): Promise<RetrievedChunkRef[]> {
  if (input.collectionIds.length === 0 || !Number.isFinite(input.limit)) {
    return [];
  }
  const limit = Math.min(MAX_BM25_RESULTS, Math.max(1, Math.floor(input.limit)));
  const collections = sql.join([...new Set(input.collectionIds)]);
  // Both the chunk and its document must carry the tenant: a row written with a mismatched
  // tenant is never shown to either.
  const visible = sql`c.tenant_id = ${input.tenantId}
    and d.tenant_id = ${input.tenantId}
    and c.collection_id in (${collections})
    and c.version = d.active_version
    and d.status not in ('deleting', 'deleted')`;

  let rows: HitRow[];
  if (dialect === 'sqlite') {
    // CROSS JOIN fixes the loop order: one pass over the FTS matches, then key lookups.
    // With a plain JOIN the planner may start from the documents' index and run the MATCH
    // once per chunk, which is quadratic.
    const match = toFts5Query(input.query);
    if (match === undefined) {
      return [];
    }
    rows = (
      await sql<HitRow>`select c.id as chunk_id, c.document_id, c.collection_id, -bm25(chunks_fts) as score
        from chunks_fts
        cross join chunks c on c.seq = chunks_fts.rowid
        cross join documents d on d.id = c.document_id
        where chunks_fts match ${match} and ${visible}
        order by bm25(chunks_fts), c.id
        limit ${limit}`.execute(db)
    ).rows;
  } else {
    const tsQuery = toTsQuery(input.query);
    if (tsQuery === undefined) {
      return [];
    }
    rows = (
      await sql<HitRow>`select c.id as chunk_id, c.document_id, c.collection_id, ts_rank(c.text_search, q.query, 1) as score
        from chunks c
        join documents d on d.id = c.document_id
        cross join to_tsquery('english', ${tsQuery}) as q(query)
        where c.text_search @@ q.query and ${visible}
        order by score desc, c.id
        limit ${limit}`.execute(db)
    ).rows;
  }
  return rows.map((row) => ({ chunkId: row.chunk_id, documentId: row.document_id, collectionId: row.collection_id, score: Number(row.score) }));
}
