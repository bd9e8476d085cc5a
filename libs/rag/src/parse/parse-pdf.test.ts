import { readFileSync } from 'node:fs';
import type { StructuredTextItem } from 'unpdf';
import { DocumentParseError, type DocumentParseFailure } from './document-parse-error.js';
import { pageText, parsePdf } from './parse-pdf.js';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url)));

async function failureOf(name: string): Promise<DocumentParseError> {
  const error: unknown = await parsePdf(fixture(name), name).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!DocumentParseError.isInstance(error)) throw new Error(`expected a DocumentParseError for ${name}, got ${String(error)}`);
  return error;
}

describe('parsePdf', () => {
  it('gives one section per page with its page number, paragraphs split at wide gaps', async () => {
    const parsed = await parsePdf(fixture('handbook.pdf'), 'handbook.pdf');

    expect(parsed.title).toBe('Employee Handbook');
    expect(parsed.pages).toBe(3);
    expect(parsed.sections.map((section) => section.page)).toEqual([1, 2, 3]);
    expect(parsed.sections[0]?.text).toBe(
      'Employee Handbook\n\nRefunds are issued within fourteen days of a request. The customer must provide the order number and a short reason for the return.',
    );
    expect(parsed.sections[2]?.text).toContain('Laptops must use full-disk encryption.');
  });

  it('leaves the caller’s bytes usable', async () => {
    const bytes = fixture('handbook.pdf');
    await parsePdf(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    await expect(parsePdf(bytes)).resolves.toMatchObject({ pages: 3 });
  });

  it.each<[string, DocumentParseFailure, RegExp]>([
    ['encrypted.pdf', 'encrypted-pdf', /password-protected/],
    ['truncated.pdf', 'corrupt-pdf', /not a readable PDF/],
    ['corrupt.pdf', 'corrupt-pdf', /not a readable PDF/],
    ['blank.pdf', 'no-text-layer', /none of its 1 page\(s\) has a text layer/],
  ])('refuses %s as %s with a clear message', async (name, failure, message) => {
    const error = await failureOf(name);
    expect(error.failure).toBe(failure);
    expect(error.mediaType).toBe('application/pdf');
    expect(error.message).toMatch(message);
    expect(error.message).toContain(name);
  });
});

describe('pageText', () => {
  const item = (str: string, y: number, hasEOL = true): StructuredTextItem => ({ str, x: 0, y, width: 10, height: 10, fontSize: 10, fontFamily: 'f', dir: 'ltr', hasEOL });

  it('joins soft-wrapped lines, keeps hyphenated words whole and breaks paragraphs at gaps and column jumps', () => {
    const text = pageText([
      item('Laptops must use full-', 700),
      item('disk encryption at', 688),
      item('all ', 676, false),
      item('times.', 676),
      item('New paragraph.', 640),
      item('Second column.', 700),
    ]);
    expect(text).toBe('Laptops must use full-disk encryption at all times.\n\nNew paragraph.\n\nSecond column.');
  });
});
