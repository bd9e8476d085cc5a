import type { VectorStoreKind } from './vector-store.js';

/** What went wrong, for callers that map errors to responses or retries. */
export type VectorStoreErrorKind =
  /** The caller passed something invalid (missing tenant, bad id, empty collection list, ...). */
  | 'invalid-input'
  /** A vector's length differs from the space's dimensions, or a space exists with other dimensions. */
  | 'dimension-mismatch'
  /** The space was never created (`ensureSpace`). */
  | 'unknown-space'
  /** The engine failed (I/O, network, server error); usually worth retrying. */
  | 'backend';

/** The facts an error carries. */
export interface VectorStoreErrorFacts {
  readonly kind: VectorStoreErrorKind;
  readonly store?: VectorStoreKind;
  readonly space?: string;
  /** For `dimension-mismatch`: the space's dimensions. */
  readonly expectedDimensions?: number;
  /** For `dimension-mismatch`: what was given. */
  readonly actualDimensions?: number;
  /** The input field at fault, e.g. `records[3].tenantId`. */
  readonly field?: string;
  /** HTTP status of a server's answer (Qdrant). */
  readonly status?: number;
  /** Overrides the default (true for `backend`, false otherwise), e.g. false for a server's 400. */
  readonly isRetryable?: boolean;
  readonly cause?: unknown;
}

const marker = Symbol.for('ballast.vector-store.error');

/** An error of a VectorStore; `isRetryable` is true for backend failures worth another attempt. */
export class VectorStoreError extends Error {
  readonly kind: VectorStoreErrorKind;
  readonly store?: VectorStoreKind;
  readonly space?: string;
  readonly expectedDimensions?: number;
  readonly actualDimensions?: number;
  readonly field?: string;
  readonly status?: number;
  readonly isRetryable: boolean;
  readonly [marker] = true;

  constructor(message: string, facts: VectorStoreErrorFacts) {
    super(message, facts.cause === undefined ? undefined : { cause: facts.cause });
    this.name = 'VectorStoreError';
    this.kind = facts.kind;
    this.store = facts.store;
    this.space = facts.space;
    this.expectedDimensions = facts.expectedDimensions;
    this.actualDimensions = facts.actualDimensions;
    this.field = facts.field;
    this.status = facts.status;
    this.isRetryable = facts.isRetryable ?? facts.kind === 'backend';
  }

  /** True for a VectorStoreError, even one from a duplicate copy of this package. */
  static isInstance(value: unknown): value is VectorStoreError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }
}
