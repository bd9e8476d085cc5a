import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** How long a writer waits for another process's write lock before failing with SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if needed) a SQLite file the way the store needs it: WAL so readers never
 * block the writer, foreign keys enforced (SQLite leaves them off per connection), a busy
 * timeout so the API and the worker can share the file, and `synchronous = NORMAL`, which
 * under WAL is still crash-safe for the database (a power cut may lose the last commits).
 * One connection per process and file: better-sqlite3 blocks the thread while it waits for a lock.
 */
export function openSqliteDatabase(filename: string): Database.Database {
  const inMemory = filename === ':memory:';
  if (!inMemory) {
    mkdirSync(dirname(filename), { recursive: true });
  }
  const database = new Database(filename, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    if (!inMemory) {
      database.pragma('journal_mode = WAL');
    }
    database.pragma('foreign_keys = ON');
    database.pragma('synchronous = NORMAL');
    // 64 MiB of page cache instead of SQLite's 2 MiB: keyword search visits one chunk row
    // per match, and re-reading those pages from the OS cost most of its time at 100k chunks.
    database.pragma('cache_size = -65536');
  } catch (error) {
    database.close();
    throw error;
  }
  return database;
}
