import type { SupportedMediaType } from '#libs/contracts';
import { UnsupportedMediaTypeError } from './unsupported-media-type-error.js';

const TYPES_BY_EXTENSION: Readonly<Record<string, SupportedMediaType>> = {
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
  xhtml: 'text/html',
  pdf: 'application/pdf',
};

const DECLARED_TYPES: Readonly<Record<string, SupportedMediaType>> = {
  'text/plain': 'text/plain',
  'text/markdown': 'text/markdown',
  'text/x-markdown': 'text/markdown',
  'text/html': 'text/html',
  'application/xhtml+xml': 'text/html',
  'application/pdf': 'application/pdf',
  'application/x-pdf': 'application/pdf',
};

/** Declared types that say nothing about the content: browsers and curl send them for unknown files. */
const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/** Byte signatures of formats that are often uploaded by mistake, checked before any guessing. */
const FOREIGN_SIGNATURES: ReadonlyArray<{ readonly name: string; readonly bytes: readonly number[] }> = [
  { name: 'a ZIP archive (docx, xlsx, pptx, epub…)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { name: 'an OLE document (doc, xls, ppt)', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

/** The PDF header may follow up to 1024 bytes of junk (PDF 32000-1, annex H). */
const PDF_HEADER_WINDOW = 1024;

/**
 * The media type to parse an upload as. A PDF header wins over everything; then a known file
 * extension; then the declared type; generic declared types fall back to sniffing. A declared or
 * named PDF without a header is still a PDF, so that the parser reports it corrupt (422) rather
 * than unsupported (415).
 */
export function detectMediaType(fileName: string | undefined, declaredType: string | undefined, bytes: Uint8Array): SupportedMediaType {
  if (hasPdfHeader(bytes)) return 'application/pdf';
  const declared = normalizeDeclaredType(declaredType);
  const extension = fileExtension(fileName);
  const byExtension = extension === undefined ? undefined : TYPES_BY_EXTENSION[extension];
  const byDeclaration = DECLARED_TYPES[declared];
  const refuse = (reason: string): never => {
    throw new UnsupportedMediaTypeError({ fileName, declaredType, reason });
  };

  const foreign = FOREIGN_SIGNATURES.find((signature) => signature.bytes.every((byte, index) => bytes[index] === byte));
  if (foreign !== undefined && byExtension !== 'application/pdf' && byDeclaration !== 'application/pdf') {
    refuse(`the content is ${foreign.name}`);
  }
  if (byExtension !== undefined) return byExtension;
  if (byDeclaration !== undefined) return byDeclaration;
  if (!GENERIC_TYPES.has(declared)) refuse(`declared type ${declared} is not supported`);
  if (extension !== undefined) refuse(`file extension .${extension} is not supported`);
  return sniffTextType(bytes) ?? refuse('the content is neither text nor PDF');
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const window = Math.min(bytes.length - 5, PDF_HEADER_WINDOW);
  for (let offset = 0; offset <= window; offset += 1) {
    // "%PDF-"
    if (bytes[offset] === 0x25 && bytes[offset + 1] === 0x50 && bytes[offset + 2] === 0x44 && bytes[offset + 3] === 0x46 && bytes[offset + 4] === 0x2d) {
      return true;
    }
  }
  return false;
}

function normalizeDeclaredType(declaredType: string | undefined): string {
  return (declaredType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function fileExtension(fileName: string | undefined): string | undefined {
  if (fileName === undefined) return undefined;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 || dot === base.length - 1 ? undefined : base.slice(dot + 1).toLowerCase();
}

/** Text without NUL bytes that decodes as UTF-8 is text; markup at its start makes it HTML. */
function sniffTextType(bytes: Uint8Array): SupportedMediaType | undefined {
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return undefined;
  let text: string;
  try {
    // A cut multi-byte character at the end of the window is not an error: stream mode keeps it pending.
    text = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return undefined;
  }
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text) ? 'text/html' : 'text/plain';
}
