import type { RetrievedDocument } from './context-report.js';

/**
 * The document with its text replaced (compressed or trimmed): its id and score kept, a count or
 * profile given with the old text left out (it no longer applies). Built field by field, not by
 * rest and spread: this runs for every compressed document.
 */
export function withText(document: RetrievedDocument, text: string): RetrievedDocument {
  return { id: document.id, text, score: document.score };
}
