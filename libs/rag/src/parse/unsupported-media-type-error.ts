import { SUPPORTED_MEDIA_TYPES } from '#libs/contracts';

const MARKER = Symbol.for('ballast.unsupported-media-type-error');

/** What was known about an upload whose type Ballast cannot parse. */
export interface UnsupportedMediaTypeFacts {
  readonly fileName: string | undefined;
  readonly declaredType: string | undefined;
  /** Why it was refused, e.g. `declared type image/png is not supported`. */
  readonly reason: string;
}

/** An upload of a type Ballast cannot parse (the API answers 415). */
export class UnsupportedMediaTypeError extends Error {
  readonly [MARKER] = true;
  readonly fileName: string | undefined;
  readonly declaredType: string | undefined;
  readonly supportedTypes: readonly string[] = SUPPORTED_MEDIA_TYPES;

  constructor(facts: UnsupportedMediaTypeFacts) {
    super(`${facts.reason}; supported: ${SUPPORTED_MEDIA_TYPES.join(', ')} (.txt, .md, .html, .pdf)`);
    this.name = 'UnsupportedMediaTypeError';
    this.fileName = facts.fileName;
    this.declaredType = facts.declaredType;
  }

  /** Survives duplicate copies of this package, unlike instanceof. */
  static isInstance(value: unknown): value is UnsupportedMediaTypeError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
