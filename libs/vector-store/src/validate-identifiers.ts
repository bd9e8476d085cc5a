import { VectorStoreError } from './vector-store-error.js';

/**
 * Ids (tenant, collection, document, chunk) are limited to these characters so that no engine
 * filter can ever be built from text that changes its meaning (quotes, spaces, operators).
 */
export const IDENTIFIER_PATTERN = /^[A-Za-z0-9_:.-]{1,256}$/;

/** Space names become table/collection names: LanceDB allows letters, digits, `_`, `-` and `.`. */
export const SPACE_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;

/** The longest version number stored (LanceDB keeps it as a 32-bit integer). */
export const MAX_DOCUMENT_VERSION = 2 ** 31 - 1;

function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}…" (${value.length} chars)` : JSON.stringify(value);
  return value === undefined ? 'undefined' : typeof value;
}

/** Throws an `invalid-input` error unless `value` is an identifier of IDENTIFIER_PATTERN. */
export function assertIdentifier(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || !IDENTIFIER_PATTERN.test(value)) {
    throw new VectorStoreError(`${field} must be 1-256 characters of [A-Za-z0-9_:.-], got ${describe(value)}`, {
      kind: 'invalid-input',
      field,
    });
  }
}

/** Throws an `invalid-input` error unless `name` is a valid space name. */
export function assertSpaceName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !SPACE_NAME_PATTERN.test(name)) {
    throw new VectorStoreError(`space name must be 1-128 characters of [A-Za-z0-9_.-], got ${describe(name)}`, {
      kind: 'invalid-input',
      field: 'space',
    });
  }
}

/** Throws an `invalid-input` error unless `value` is an integer in [0, MAX_DOCUMENT_VERSION]. */
export function assertDocumentVersion(value: unknown, field: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_DOCUMENT_VERSION) {
    throw new VectorStoreError(`${field} must be an integer from 0 to ${MAX_DOCUMENT_VERSION}, got ${String(value)}`, {
      kind: 'invalid-input',
      field,
    });
  }
}
