const MARKER = Symbol.for('ballast.unknown-model-error');

/** The request named a model or route Ballast cannot serve. */
export class UnknownModelError extends Error {
  readonly [MARKER] = true;
  constructor(
    readonly model: string,
    readonly available: readonly string[],
  ) {
    super(`Model '${model}' is not available. Use 'auto', a route (${available.join(', ')}), or a catalog model served by a configured provider (GET /v1/models lists them).`);
    this.name = 'UnknownModelError';
  }

  static isInstance(value: unknown): value is UnknownModelError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
