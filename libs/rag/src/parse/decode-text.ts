import type { SupportedMediaType } from '#libs/contracts';
import { DocumentParseError } from './document-parse-error.js';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * Strict UTF-8 text with a byte-order mark removed and line endings made `\n`. Invalid UTF-8
 * and NUL bytes are refused instead of being turned into replacement characters: a wrongly
 * declared binary file would otherwise be embedded as garbage.
 */
export function decodeText(
  bytes: Uint8Array,
  context: { readonly mediaType: SupportedMediaType; readonly fileName?: string },
  declaredCharset?: string,
): string {
  let text: string;
  try {
    text = decodeWith(bytes, declaredCharset);
  } catch (error) {
    throw new DocumentParseError({
      ...context,
      failure: 'invalid-utf8',
      detail: `the text is not valid UTF-8 (first invalid byte at offset ${firstInvalidUtf8Offset(bytes)}); save it as UTF-8 and upload again`,
      cause: error,
    });
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    throw new DocumentParseError({ ...context, failure: 'binary-content', detail: `the text contains a NUL character (at character ${nul}); is it a binary file?` });
  }
  return text.replace(/\r\n?/g, '\n');
}

/**
 * UTF-8, or the charset the document itself declares (an HTML `<meta charset>`), when that is
 * one TextDecoder knows. Legacy pages in windows-1252 or Shift_JIS are read correctly that way.
 */
function decodeWith(bytes: Uint8Array, declaredCharset: string | undefined): string {
  const label = declaredCharset?.trim().toLowerCase();
  if (label === undefined || label === 'utf-8' || label === 'utf8') return decoder.decode(bytes);
  let legacy;
  try {
    legacy = new TextDecoder(label, { fatal: true });
  } catch {
    // An unknown label: browsers fall back to UTF-8, and so do we.
    return decoder.decode(bytes);
  }
  return legacy.decode(bytes);
}

/** The charset an HTML document declares in its first kilobyte, if any. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?([\w:.-]+)/i.exec(head)?.[1];
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629), for the error message. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let offset = 0;
  while (offset < bytes.length) {
    const lead = bytes[offset] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return offset;
    for (let index = 1; index < length; index += 1) {
      const next = bytes[offset + index];
      if (next === undefined || (next & 0xc0) !== 0x80) return offset;
    }
    const second = bytes[offset + 1] ?? 0;
    // Overlong 3- and 4-byte forms, UTF-16 surrogates and code points above U+10FFFF.
    if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f)) {
      return offset;
    }
    offset += length;
  }
  return offset;
}
