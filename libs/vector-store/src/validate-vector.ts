import { VectorStoreError } from './vector-store-error.js';

/** Where a vector comes from, for error messages. */
export interface VectorContext {
  readonly space: string;
  readonly dimensions: number;
  /** e.g. `records[2].vector` or `query.vector`. */
  readonly field: string;
}

/**
 * Checks a vector against its space and returns it as a Float32Array (copied only when needed).
 * Rejects wrong lengths, non-finite components and the zero vector, whose cosine is undefined.
 */
export function toFloat32Vector(vector: Float32Array | readonly number[], context: VectorContext): Float32Array {
  if (!(vector instanceof Float32Array) && !Array.isArray(vector)) {
    throw new VectorStoreError(`${context.field} must be a Float32Array or an array of numbers`, {
      kind: 'invalid-input',
      space: context.space,
      field: context.field,
    });
  }
  if (vector.length !== context.dimensions) {
    throw new VectorStoreError(
      `${context.field} has ${vector.length} dimensions but space "${context.space}" expects ${context.dimensions}`,
      {
        kind: 'dimension-mismatch',
        space: context.space,
        field: context.field,
        expectedDimensions: context.dimensions,
        actualDimensions: vector.length,
      },
    );
  }
  const result = vector instanceof Float32Array ? vector : Float32Array.from(vector);
  let squaredNorm = 0;
  for (let index = 0; index < result.length; index += 1) {
    const component = result[index] as number;
    if (!Number.isFinite(component)) {
      throw new VectorStoreError(`${context.field}[${index}] is ${String(vector[index])}, not a finite number`, {
        kind: 'invalid-input',
        space: context.space,
        field: context.field,
      });
    }
    squaredNorm += component * component;
  }
  if (squaredNorm === 0) {
    throw new VectorStoreError(`${context.field} is the zero vector, which has no cosine similarity`, {
      kind: 'invalid-input',
      space: context.space,
      field: context.field,
    });
  }
  return result;
}
