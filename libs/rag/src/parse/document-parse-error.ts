import type { SupportedMediaType } from '#libs/contracts';

const MARKER = Symbol.for('ballast.document-parse-error');

/** Why a document of a supported type could not be read. */
export type DocumentParseFailure =
  | 'invalid-utf8'
  | 'binary-content'
  | 'empty'
  | 'corrupt-pdf'
  | 'encrypted-pdf'
  | 'no-text-layer';

/** Facts of a parse failure. */
export interface DocumentParseFacts {
  readonly failure: DocumentParseFailure;
  readonly mediaType: SupportedMediaType;
  readonly fileName?: string;
  /** Human-readable detail, e.g. `invalid UTF-8 at byte 1042`. */
  readonly detail: string;
  readonly cause?: unknown;
}

/**
 * A document of a supported type that cannot be read: corrupt or encrypted PDF, text that is
 * not UTF-8, nothing readable inside. The API answers 422; nothing is stored for it.
 */
export class DocumentParseError extends Error {
  readonly [MARKER] = true;
  readonly failure: DocumentParseFailure;
  readonly mediaType: SupportedMediaType;
  readonly fileName: string | undefined;

  constructor(facts: DocumentParseFacts) {
    const subject = facts.fileName === undefined ? `${facts.mediaType} document` : `${facts.fileName} (${facts.mediaType})`;
    super(`cannot read ${subject}: ${facts.detail}`, { cause: facts.cause });
    this.name = 'DocumentParseError';
    this.failure = facts.failure;
    this.mediaType = facts.mediaType;
    this.fileName = facts.fileName;
  }

  /** Survives duplicate copies of this package, unlike instanceof. */
  static isInstance(value: unknown): value is DocumentParseError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
