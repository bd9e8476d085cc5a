import { sql } from 'kysely';
import type { StoreMigration } from './store-migration.js';

/**
 * Full-text index over chunk text. SQLite: an FTS5 external-content table kept in sync by
 * triggers (so no code path can forget it, including cascaded deletes). Postgres: a generated
 * tsvector column with a GIN index. Both stem English words (Porter / `english` config).
 */
export const createChunkSearch: StoreMigration = {
  name: '0004-create-chunk-search',
  async up(db, dialect) {
    if (dialect === 'postgres') {
      await sql`alter table chunks add column text_search tsvector generated always as (to_tsvector('english', text)) stored`.execute(db);
      await sql`create index chunks_text_search_index on chunks using gin (text_search)`.execute(db);
      return;
    }
    await sql`create virtual table chunks_fts using fts5(text, content='chunks', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2')`.execute(db);
    await sql`create trigger chunks_fts_after_insert after insert on chunks begin
      insert into chunks_fts(rowid, text) values (new.seq, new.text);
    end`.execute(db);
    await sql`create trigger chunks_fts_after_delete after delete on chunks begin
      insert into chunks_fts(chunks_fts, rowid, text) values ('delete', old.seq, old.text);
    end`.execute(db);
    await sql`create trigger chunks_fts_after_update after update of text on chunks begin
      insert into chunks_fts(chunks_fts, rowid, text) values ('delete', old.seq, old.text);
      insert into chunks_fts(rowid, text) values (new.seq, new.text);
    end`.execute(db);
  },
};
