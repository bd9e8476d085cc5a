import { CompiledQuery, sql, type Kysely, type RawBuilder } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';

/**
 * A statement on the per-request path whose SQL text Kysely compiles once per dialect and
 * shape, then reruns with new parameters. Building and compiling a query costs more than
 * SQLite takes to run it (about 0.3 ms for the five-row counter upsert against 0.03 ms of
 * execution, measured by bench/access-overhead.ts), and every request runs six of them.
 *
 * `build` writes the statement with Kysely's `sql` tag and must interpolate `values` each
 * exactly once, in order: the first compile checks that the compiled parameters are `values`,
 * so a later run can never bind a value to the wrong placeholder. The text stays portable
 * SQL (SQLite and Postgres alike); placeholders (`?` or `$n`) come from Kysely's compiler.
 */
export class ReusableStatement<Row> {
  private readonly texts = new Map<string, string>();

  constructor(
    private readonly name: string,
    private readonly build: (values: readonly unknown[]) => RawBuilder<Row>,
  ) {}

  /** Runs the statement with `values`; `shape` names everything but the values that changes the text (e.g. a row count). */
  async execute<Database>(db: Kysely<Database>, dialect: StoreDialect, values: readonly unknown[], shape = ''): Promise<Row[]> {
    const key = `${dialect}:${shape}`;
    let text = this.texts.get(key);
    if (text === undefined) {
      const compiled = this.build(values).compile(db);
      if (compiled.parameters.length !== values.length || compiled.parameters.some((parameter, index) => parameter !== values[index])) {
        throw new Error(`statement ${this.name} must interpolate each value once, in order`);
      }
      text = compiled.sql;
      this.texts.set(key, text);
    }
    const result = await db.executeQuery(CompiledQuery.raw(text, [...values]));
    // The rows are what the statement's RETURNING or SELECT list names: `Row` by construction.
    return result.rows as Row[];
  }
}

/** `(v1, v2, …), (…)`: `values` cut into rows of `width`, for a multi-row VALUES list. */
export function valueRows(values: readonly unknown[], width: number): RawBuilder<unknown> {
  const rows: RawBuilder<unknown>[] = [];
  for (let start = 0; start < values.length; start += width) {
    rows.push(sql`(${sql.join(values.slice(start, start + width))})`);
  }
  return sql.join(rows);
}
