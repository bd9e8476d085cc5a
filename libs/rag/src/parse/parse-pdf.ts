import { extractTextItems, getDocumentProxy, getMeta, type StructuredTextItem } from 'unpdf';
import { DocumentParseError } from './document-parse-error.js';
import type { ParsedDocument, ParsedSection } from './parsed-document.js';
import { titleFromFileName, titleFromText } from './section-builder.js';

/** pdf.js logs only errors (its warnings, e.g. "Indexing all PDF objects", are noise for a server). */
const PDFJS_VERBOSITY_ERRORS = 0;

/** A vertical gap this many font sizes larger than the line before it starts a new paragraph. */
const PARAGRAPH_GAP_IN_FONT_SIZES = 1.6;

/**
 * A PDF as one section per page, with the page number kept for citations. Lines are rebuilt
 * from pdf.js text items; a larger vertical gap starts a new paragraph, and the soft line wraps
 * inside a paragraph become spaces. Encrypted, corrupt and text-less (scanned) PDFs are refused.
 */
export async function parsePdf(bytes: Uint8Array, fileName?: string): Promise<ParsedDocument> {
  const fail = (failure: 'corrupt-pdf' | 'encrypted-pdf' | 'no-text-layer', detail: string, cause?: unknown): DocumentParseError =>
    new DocumentParseError({ failure, mediaType: 'application/pdf', fileName, detail, cause });

  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may take ownership of the buffer it is given; the caller keeps its own copy.
    document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: PDFJS_VERBOSITY_ERRORS, isEvalSupported: false });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw fail('encrypted-pdf', 'the PDF is password-protected; remove the password and upload it again', error);
    throw fail('corrupt-pdf', `the file is not a readable PDF (${error instanceof Error ? error.message : String(error)})`, error);
  }

  try {
    const [{ items, totalPages }, metadataTitle] = await Promise.all([extractTextItems(document), readMetadataTitle(document)]);
    const sections: ParsedSection[] = [];
    items.forEach((pageItems, index) => {
      const text = pageText(pageItems);
      if (text !== '') sections.push({ headingPath: [], page: index + 1, text });
    });
    if (sections.length === 0) {
      throw fail('no-text-layer', `none of its ${totalPages} page(s) has a text layer (a scanned PDF needs OCR, which Ballast does not do)`);
    }
    const title = metadataTitle ?? titleFromFileName(fileName) ?? titleFromText(sections[0]?.text ?? '') ?? 'Untitled';
    return { title, sections, pages: totalPages };
  } catch (error) {
    if (DocumentParseError.isInstance(error)) throw error;
    throw fail('corrupt-pdf', `its content cannot be read (${error instanceof Error ? error.message : String(error)})`, error);
  } finally {
    await document.destroy();
  }
}

async function readMetadataTitle(document: Parameters<typeof getMeta>[0]): Promise<string | undefined> {
  try {
    const { info } = await getMeta(document);
    const title: unknown = info['Title'];
    return typeof title === 'string' && title.trim() !== '' && !/^untitled$/i.test(title.trim()) ? title.trim() : undefined;
  } catch {
    // Broken metadata does not make the text unreadable.
    return undefined;
  }
}

interface Line {
  text: string;
  y: number;
  fontSize: number;
}

/** The page's paragraphs, separated by blank lines. */
export function pageText(items: readonly StructuredTextItem[]): string {
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const item of items) {
    current ??= { text: '', y: item.y, fontSize: item.fontSize };
    current.text += item.str;
    current.fontSize = Math.max(current.fontSize, item.fontSize);
    if (item.hasEOL) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current !== undefined) lines.push(current);

  const paragraphs: string[] = [];
  let paragraph = '';
  let previous: Line | undefined;
  for (const line of lines) {
    const text = line.text.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    const gap = previous === undefined ? 0 : previous.y - line.y;
    // A jump up the page is a new column or text box; a wide gap down is a paragraph break.
    const newParagraph = previous !== undefined && (gap < 0 || gap > PARAGRAPH_GAP_IN_FONT_SIZES * Math.max(previous.fontSize, 1));
    if (newParagraph && paragraph !== '') {
      paragraphs.push(paragraph);
      paragraph = '';
    }
    // A word hyphenated across a line break is joined without a space ("full-" + "disk").
    paragraph = paragraph === '' ? text : /\p{L}-$/u.test(paragraph) ? paragraph + text : `${paragraph} ${text}`;
    previous = line;
  }
  if (paragraph !== '') paragraphs.push(paragraph);
  return paragraphs.join('\n\n');
}
