/**
 * True for a unique-constraint failure from either engine: better-sqlite3 reports
 * `SQLITE_CONSTRAINT_UNIQUE` (or `_PRIMARYKEY`), node-postgres SQLSTATE `23505`.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) {
    return false;
  }
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
