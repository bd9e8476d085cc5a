const MARKER = Symbol.for('ballast.store.not-found-error');

/** Facts of a lookup that found nothing the caller may see. */
export interface NotFoundFacts {
  /** e.g. `collection`, `document`, `blob`. */
  readonly entity: string;
  readonly id: string;
  /** Absent for tenant-less things such as blobs. */
  readonly tenantId?: string;
}

/**
 * The entity does not exist, or belongs to another tenant (the two are deliberately
 * indistinguishable); the API answers 404.
 */
export class NotFoundError extends Error {
  readonly [MARKER] = true;
  readonly entity: string;
  readonly id: string;
  readonly tenantId: string | undefined;

  constructor(facts: NotFoundFacts) {
    super(`${facts.entity} ${facts.id} not found${facts.tenantId === undefined ? '' : ` for tenant ${facts.tenantId}`}`);
    this.name = 'NotFoundError';
    this.entity = facts.entity;
    this.id = facts.id;
    this.tenantId = facts.tenantId;
  }

  /** Survives duplicate copies of this package, unlike instanceof. */
  static isInstance(value: unknown): value is NotFoundError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
