const MARKER = Symbol.for('ballast.store.invalid-cursor-error');

/** A pagination cursor that this store did not issue (or that was altered); the API answers 400. */
export class InvalidCursorError extends Error {
  readonly [MARKER] = true;
  readonly cursor: string;

  constructor(cursor: string, reason: string) {
    super(`invalid pagination cursor "${cursor.length > 80 ? `${cursor.slice(0, 80)}…` : cursor}": ${reason}`);
    this.name = 'InvalidCursorError';
    this.cursor = cursor;
  }

  /** Survives duplicate copies of this package, unlike instanceof. */
  static isInstance(value: unknown): value is InvalidCursorError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
