import type { SupportedMediaType } from '#libs/contracts';

/** One stretch of a document under one heading (or one PDF page). */
export interface ParsedSection {
  /** The heading that opens this section; absent for text before the first heading and for PDF pages. */
  readonly heading?: string;
  /** Headings from the outermost down to this section's own, e.g. `['Handbook', 'Refunds']`. */
  readonly headingPath: readonly string[];
  /** 1-based page number (PDF only). */
  readonly page?: number;
  /** Readable text: paragraphs separated by a blank line, code blocks fenced with ```. */
  readonly text: string;
}

/** A document reduced to readable, structured text. */
export interface ParsedDocument {
  /** From front matter, `<title>`, PDF metadata or the first heading; else the file name. */
  readonly title: string;
  /** In reading order; sections without text are left out. */
  readonly sections: readonly ParsedSection[];
  /** Page count (PDF only). */
  readonly pages?: number;
}

/** The raw upload handed to the parser. */
export interface DocumentSource {
  readonly bytes: Uint8Array;
  readonly mediaType: SupportedMediaType;
  /** Used for the title when the document names none, and in error messages. */
  readonly fileName?: string;
}
