import { DocumentParseError } from './document-parse-error.js';
import { decodeText, sniffHtmlCharset } from './decode-text.js';
import type { DocumentSource, ParsedDocument } from './parsed-document.js';
import { parseHtml } from './parse-html.js';
import { parseMarkdown } from './parse-markdown.js';
import { parsePdf } from './parse-pdf.js';
import { parsePlainText } from './parse-plain-text.js';

/**
 * Reads an upload into structured text. Throws `DocumentParseError` (422) when the content
 * cannot be read or has no text at all; the media type must already be one Ballast supports
 * (see `detectMediaType`, which throws `UnsupportedMediaTypeError` for the rest).
 */
export async function parseDocument(source: DocumentSource): Promise<ParsedDocument> {
  const { bytes, mediaType, fileName } = source;
  const context = { mediaType, ...(fileName === undefined ? {} : { fileName }) };
  if (bytes.length === 0) throw new DocumentParseError({ ...context, failure: 'empty', detail: 'the file is empty' });

  let parsed: ParsedDocument;
  switch (mediaType) {
    case 'application/pdf':
      return parsePdf(bytes, fileName);
    case 'text/markdown':
      parsed = parseMarkdown(decodeText(bytes, context), fileName);
      break;
    case 'text/html':
      parsed = parseHtml(decodeText(bytes, context, sniffHtmlCharset(bytes)), fileName);
      break;
    case 'text/plain':
      parsed = parsePlainText(decodeText(bytes, context), fileName);
      break;
  }
  if (parsed.sections.length === 0) throw new DocumentParseError({ ...context, failure: 'empty', detail: 'the document has no readable text' });
  return parsed;
}
