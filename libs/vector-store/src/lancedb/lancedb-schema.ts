import type { FixedSizeList, Float32, Schema, Table } from 'apache-arrow';
import type { ValidRecord } from '../validate-store-input.js';
import { arrow } from './lancedb-arrow.js';
import { COLUMN } from './lancedb-filter.js';
import { unitVector } from './unit-vector.js';

/** The Arrow schema of a space's table: ids and filters as columns, the vector as a fixed-size list. */
export function vectorTableSchema(dimensions: number): Schema {
  const { Field, FixedSizeList, Float32, Int32, Schema, Utf8 } = arrow;
  return new Schema([
    new Field(COLUMN.id, new Utf8(), false),
    new Field(COLUMN.tenantId, new Utf8(), false),
    new Field(COLUMN.collectionId, new Utf8(), false),
    new Field(COLUMN.documentId, new Utf8(), false),
    new Field(COLUMN.documentVersion, new Int32(), false),
    new Field(COLUMN.vector, new FixedSizeList(dimensions, new Field('item', new Float32(), true)), false),
  ]);
}

/** Shape of a schema as LanceDB returns it (its own Arrow copy, so only the fields read here). */
interface SchemaShape {
  readonly fields: readonly { readonly name: string; readonly type: unknown }[];
}

/** The vector length of an existing table, or undefined when it has no fixed-size vector column. */
export function dimensionsOfSchema(schema: SchemaShape): number | undefined {
  const type = schema.fields.find((field) => field.name === COLUMN.vector)?.type as { listSize?: unknown } | undefined;
  return typeof type?.listSize === 'number' ? type.listSize : undefined;
}

/**
 * Records as one Arrow table, built column by column: the vectors are copied once into a single
 * Float32Array instead of going through per-row JavaScript objects.
 */
export function recordsToArrowTable(records: readonly ValidRecord[], dimensions: number): Table {
  const { Float32, Table, Utf8, makeData, makeVector, vectorFromArray } = arrow;
  const schema = vectorTableSchema(dimensions);
  const values = new Float32Array(records.length * dimensions);
  // Stored as unit vectors: searches rank by dot product (see unit-vector.ts).
  records.forEach((record, index) => values.set(unitVector(record.vector), index * dimensions));
  const vectorType = schema.fields[5]?.type as FixedSizeList<Float32>;
  const vectors = makeData({
    type: vectorType,
    length: records.length,
    nullCount: 0,
    child: makeData({ type: new Float32(), length: values.length, data: values }),
  });
  return new Table(schema, {
    [COLUMN.id]: vectorFromArray(records.map((record) => record.id), new Utf8()),
    [COLUMN.tenantId]: vectorFromArray(records.map((record) => record.tenantId), new Utf8()),
    [COLUMN.collectionId]: vectorFromArray(records.map((record) => record.collectionId), new Utf8()),
    [COLUMN.documentId]: vectorFromArray(records.map((record) => record.documentId), new Utf8()),
    [COLUMN.documentVersion]: makeVector(Int32Array.from(records, (record) => record.documentVersion)),
    [COLUMN.vector]: makeVector(vectors),
  });
}
