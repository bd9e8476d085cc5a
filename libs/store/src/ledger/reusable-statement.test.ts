import { sql } from 'kysely';
import { createDatabase } from '../create-database.js';
import { ReusableStatement, valueRows } from './reusable-statement.js';

test('a statement compiled once runs with new values, per row-count shape', async () => {
  const store = await createDatabase({ url: 'sqlite::memory:', migrate: false });
  try {
    const pairs = new ReusableStatement<{ a: number; b: string }>('pairs', (values) => sql`select * from (values ${valueRows(values, 2)})`.$castTo<{ a: number; b: string }>());
    const run = async (values: unknown[]) => (await pairs.execute(store.db, store.dialect, values, String(values.length / 2))).map((row) => Object.values(row));
    expect(await run([1, 'x'])).toEqual([[1, 'x']]);
    expect(await run([2, 'y'])).toEqual([[2, 'y']]);
    expect(await run([3, 'z', 4, 'w'])).toEqual([
      [3, 'z'],
      [4, 'w'],
    ]);
  } finally {
    await store.close();
  }
});

test('a statement that does not bind each value once, in order, is refused before it runs', async () => {
  const store = await createDatabase({ url: 'sqlite::memory:', migrate: false });
  try {
    const swapped = new ReusableStatement('swapped', (values) => sql`select ${values[1]} as a, ${values[0]} as b`);
    await expect(swapped.execute(store.db, store.dialect, [1, 2])).rejects.toThrow(/each value once, in order/);
    const repeated = new ReusableStatement('repeated', (values) => sql`select ${values[0]} as a, ${values[0]} as b`);
    await expect(repeated.execute(store.db, store.dialect, [1])).rejects.toThrow(/each value once, in order/);
  } finally {
    await store.close();
  }
});
