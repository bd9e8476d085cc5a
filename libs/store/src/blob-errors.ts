const INVALID_MARKER = Symbol.for('ballast.store.invalid-blob-id-error');
const TOO_LARGE_MARKER = Symbol.for('ballast.store.blob-too-large-error');

/** A blob id that is not 64 lowercase hex digits (never used as a path). */
export class InvalidBlobIdError extends Error {
  readonly [INVALID_MARKER] = true;
  readonly blobId: string;

  constructor(blobId: string) {
    super(`invalid blob id ${JSON.stringify(blobId.length > 80 ? `${blobId.slice(0, 80)}…` : blobId)}: expected a sha256 as 64 lowercase hex digits`);
    this.name = 'InvalidBlobIdError';
    this.blobId = blobId;
  }

  /** Survives duplicate copies of this package, unlike instanceof. */
  static isInstance(value: unknown): value is InvalidBlobIdError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[INVALID_MARKER] === true;
  }
}

/** An upload longer than the caller's limit; nothing was stored. The API answers 413. */
export class BlobTooLargeError extends Error {
  readonly [TOO_LARGE_MARKER] = true;
  readonly maxBytes: number;
  /** Bytes read when the limit was crossed (the source may have held more). */
  readonly receivedBytes: number;

  constructor(maxBytes: number, receivedBytes: number) {
    super(`upload exceeds the limit of ${maxBytes} bytes (read ${receivedBytes} bytes before stopping)`);
    this.name = 'BlobTooLargeError';
    this.maxBytes = maxBytes;
    this.receivedBytes = receivedBytes;
  }

  /** Survives duplicate copies of this package, unlike instanceof. */
  static isInstance(value: unknown): value is BlobTooLargeError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[TOO_LARGE_MARKER] === true;
  }
}
