/** The SQL engine behind a store: embedded SQLite (default) or PostgreSQL (production). */
export type StoreDialect = 'sqlite' | 'postgres';
