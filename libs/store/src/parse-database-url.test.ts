import { parseDatabaseUrl, sqliteUrlForDataDir } from './parse-database-url.js';

test('SQLite URLs name a file or memory; Postgres URLs pass through', () => {
  expect(parseDatabaseUrl('sqlite:data/ballast.db')).toEqual({ dialect: 'sqlite', filename: 'data/ballast.db' });
  expect(parseDatabaseUrl('sqlite:///var/lib/ballast.db')).toEqual({ dialect: 'sqlite', filename: '/var/lib/ballast.db' });
  expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', filename: ':memory:' });
  expect(parseDatabaseUrl('postgres://ballast@db:5432/ballast')).toEqual({ dialect: 'postgres', connectionString: 'postgres://ballast@db:5432/ballast' });
  expect(parseDatabaseUrl('postgresql://db/ballast').dialect).toBe('postgres');
});

test('a wrong URL says which forms are accepted', () => {
  expect(() => parseDatabaseUrl('mysql://db/ballast')).toThrow(/scheme "mysql:" is not supported: use sqlite:<path>, sqlite::memory: or postgres:/);
  expect(() => parseDatabaseUrl('data/ballast.db')).toThrow(/has no scheme/);
  expect(() => parseDatabaseUrl('sqlite:')).toThrow(/names no SQLite file/);
});

test('the embedded default lives in the data directory', () => {
  expect(sqliteUrlForDataDir('./data')).toBe('sqlite:data/ballast.db');
});
