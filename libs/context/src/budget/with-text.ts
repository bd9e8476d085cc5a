import type { RetrievedDocument } from './context-report.js';

/** The document with its text replaced (compressed or trimmed); a count given with the old text no longer applies and is left out. */
export function withText(document: RetrievedDocument, text: string): RetrievedDocument {
  const { tokens: _tokens, tokenEncoding: _tokenEncoding, ...rest } = document;
  return { ...rest, text };
}
