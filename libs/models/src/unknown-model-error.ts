const MARKER = Symbol.for('ballast.unknown-model-error');

/** A model id that is neither an id nor an alias in the catalog. */
export class UnknownModelError extends Error {
  readonly [MARKER] = true;
  readonly modelId: string;
  /** Canonical ids the catalog does know, so the message tells the caller what to use. */
  readonly knownIds: readonly string[];

  constructor(modelId: string, knownIds: readonly string[]) {
    super(
      `Unknown model '${modelId}'. Known models (dated aliases also accepted): ${knownIds.join(', ')}. ` +
        'Add it to the model catalog config to use it.',
    );
    this.name = 'UnknownModelError';
    this.modelId = modelId;
    this.knownIds = knownIds;
  }

  /** Survives duplicate copies of this package, unlike instanceof. */
  static isInstance(value: unknown): value is UnknownModelError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
