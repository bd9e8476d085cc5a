import { join } from 'node:path';
import type { StoreDialect } from './store-dialect.js';

/** Where a store lives, read from its URL. */
export type DatabaseLocation =
  | { readonly dialect: Extract<StoreDialect, 'sqlite'>; /** A file path, or `:memory:`. */ readonly filename: string }
  | { readonly dialect: Extract<StoreDialect, 'postgres'>; readonly connectionString: string };

/**
 * Reads `sqlite:<path>`, `sqlite::memory:` or `postgres://…` (`postgresql://…`). A relative
 * SQLite path is relative to the working directory; `sqlite:///abs/path` is accepted too.
 */
export function parseDatabaseUrl(url: string): DatabaseLocation {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { dialect: 'postgres', connectionString: url };
  }
  if (url.startsWith('sqlite:')) {
    const rest = url.slice('sqlite:'.length);
    const filename = rest.startsWith('//') ? rest.slice(2) : rest;
    if (filename === '') {
      throw new Error(`database URL "${url}" names no SQLite file: use sqlite:<path> or sqlite::memory:`);
    }
    return { dialect: 'sqlite', filename };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  throw new Error(
    `database URL ${scheme === undefined ? 'has no scheme' : `scheme "${scheme}:" is not supported`}: use sqlite:<path>, sqlite::memory: or postgres://user@host:port/database`,
  );
}

/** The embedded default: `<dataDir>/ballast.db`. */
export function sqliteUrlForDataDir(dataDir: string): string {
  return `sqlite:${join(dataDir, 'ballast.db')}`;
}
