/** One piece of a document as it is embedded, stored and cited. */
export interface DocumentChunk {
  /** 0-based order in the document version. */
  readonly position: number;
  /** The text as it appears in the document (whitespace inside paragraphs kept). */
  readonly text: string;
  /** Tokens of `text` in the collection's encoding. */
  readonly tokenCount: number;
  /** Headings above the chunk's first new text, outermost first; empty when there are none. */
  readonly headingPath: readonly string[];
  /** `headingPath` joined with ` > ` for citations; absent when there are no headings. */
  readonly section?: string;
  /** 1-based page where the chunk's new text starts (PDF only). */
  readonly page?: number;
  /** Last page the chunk reaches, when that is a later page than `page`. */
  readonly pageEnd?: number;
  /** SHA-256 of `text`, hex: part of the chunk id, and tells unchanged chunks apart on re-ingest. */
  readonly contentHash: string;
}
