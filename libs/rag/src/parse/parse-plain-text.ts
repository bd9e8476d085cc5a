import type { ParsedDocument } from './parsed-document.js';
import { titleFromFileName, titleFromText } from './section-builder.js';

/** Plain text as one section; its paragraphs (blank-line separated) are left for the chunker. */
export function parsePlainText(text: string, fileName?: string): ParsedDocument {
  const body = text.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
  return { title: titleFromFileName(fileName) ?? titleFromText(body) ?? 'Untitled', sections: body === '' ? [] : [{ headingPath: [], text: body }] };
}
