import { readFileSync } from 'node:fs';
import type { SupportedMediaType } from '#libs/contracts';
import { firstInvalidUtf8Offset } from './decode-text.js';
import { DocumentParseError } from './document-parse-error.js';
import { parseDocument } from './parse-document.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

async function parseFailure(bytes: Uint8Array, mediaType: SupportedMediaType, fileName?: string): Promise<DocumentParseError> {
  const error: unknown = await parseDocument({ bytes, mediaType, ...(fileName === undefined ? {} : { fileName }) }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!DocumentParseError.isInstance(error)) throw new Error(`expected a DocumentParseError, got ${String(error)}`);
  return error;
}

describe('parseDocument', () => {
  it('reads each supported type', async () => {
    const pdf = new Uint8Array(readFileSync(new URL('./__fixtures__/handbook.pdf', import.meta.url)));
    await expect(parseDocument({ bytes: pdf, mediaType: 'application/pdf' })).resolves.toMatchObject({ pages: 3 });
    await expect(parseDocument({ bytes: text('# T\n\nBody'), mediaType: 'text/markdown' })).resolves.toMatchObject({ title: 'T' });
    await expect(parseDocument({ bytes: text('<h1>T</h1><p>Body</p>'), mediaType: 'text/html' })).resolves.toMatchObject({ title: 'T' });
  });

  it('reads plain text as one section, CRLF and BOM normalised, titled by file name', async () => {
    const parsed = await parseDocument({ bytes: text('\ufeffFirst line\r\n\r\n\r\n\r\nSecond   \r\n'), mediaType: 'text/plain', fileName: 'dir/notes.txt' });
    expect(parsed).toEqual({ title: 'notes', sections: [{ headingPath: [], text: 'First line\n\nSecond' }] });
  });

  it('refuses text that is not UTF-8, saying where', async () => {
    const latin1 = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]);
    const error = await parseFailure(latin1, 'text/plain', 'menu.txt');
    expect(error.failure).toBe('invalid-utf8');
    expect(error.message).toBe('cannot read menu.txt (text/plain): the text is not valid UTF-8 (first invalid byte at offset 3); save it as UTF-8 and upload again');
  });

  it('reads HTML in the legacy charset its <meta> declares', async () => {
    const head = text('<html><head><meta charset="windows-1252"><title>Caf');
    const rest = text(' menu</title></head><p>Cr');
    const bytes = new Uint8Array([...head, 0xe9, ...rest, 0xe8, ...text('me br'), 0xfb, ...text('l'), 0xe9, ...text('e</p>')]);
    const parsed = await parseDocument({ bytes, mediaType: 'text/html' });
    expect(parsed).toMatchObject({ title: 'Café menu', sections: [{ text: 'Crème brûlée' }] });
  });

  it('refuses text with NUL bytes as binary', async () => {
    expect((await parseFailure(new Uint8Array([0x61, 0x00, 0x62]), 'text/markdown')).failure).toBe('binary-content');
  });

  it.each<SupportedMediaType>(['text/plain', 'text/markdown', 'text/html', 'application/pdf'])('refuses an empty %s file', async (mediaType) => {
    expect((await parseFailure(new Uint8Array(), mediaType)).failure).toBe('empty');
  });

  it('refuses documents with no readable text', async () => {
    expect((await parseFailure(text('<script>x()</script><nav>menu</nav>'), 'text/html')).message).toMatch(/no readable text/);
    expect((await parseFailure(text(' \n\n\t'), 'text/plain')).failure).toBe('empty');
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('finds lone continuation bytes, overlong forms, surrogates and truncated sequences', () => {
    expect(firstInvalidUtf8Offset(text('ok é ✓ 😀'))).toBe(text('ok é ✓ 😀').length);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
  });
});
