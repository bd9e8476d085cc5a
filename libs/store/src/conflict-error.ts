const MARKER = Symbol.for('ballast.store.conflict-error');

/** Facts of a write refused because it collides with existing data. */
export interface ConflictFacts {
  /** What was being written, e.g. `collection`, `document`. */
  readonly entity: string;
  readonly tenantId: string;
  /** The field whose value collides, e.g. `name`, `sourceName`, `status`. */
  readonly field: string;
  readonly value: string;
  readonly message: string;
  readonly cause?: unknown;
}

/** A duplicate name or a write the entity's state forbids; the API answers 409. */
export class ConflictError extends Error {
  readonly [MARKER] = true;
  readonly entity: string;
  readonly tenantId: string;
  readonly field: string;
  readonly value: string;

  constructor(facts: ConflictFacts) {
    super(facts.message, { cause: facts.cause });
    this.name = 'ConflictError';
    this.entity = facts.entity;
    this.tenantId = facts.tenantId;
    this.field = facts.field;
    this.value = facts.value;
  }

  /** Survives duplicate copies of this package, unlike instanceof. */
  static isInstance(value: unknown): value is ConflictError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
