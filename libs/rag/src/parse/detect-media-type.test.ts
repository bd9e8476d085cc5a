import { detectMediaType } from './detect-media-type.js';
import { UnsupportedMediaTypeError } from './unsupported-media-type-error.js';

const text = (value: string): Uint8Array => new TextEncoder().encode(value);

function refusal(run: () => unknown): UnsupportedMediaTypeError {
  try {
    run();
  } catch (error) {
    if (UnsupportedMediaTypeError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an UnsupportedMediaTypeError');
}

describe('detectMediaType', () => {
  it('trusts the PDF header over name and declared type', () => {
    expect(detectMediaType('notes.txt', 'text/plain', text('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(detectMediaType(undefined, undefined, text(`${' '.repeat(100)}%PDF-1.4`))).toBe('application/pdf');
  });

  it('maps extensions, case-insensitively', () => {
    expect(detectMediaType('README.MD', 'application/octet-stream', text('# Hi'))).toBe('text/markdown');
    expect(detectMediaType('guide.markdown', undefined, text('x'))).toBe('text/markdown');
    expect(detectMediaType('page.htm', undefined, text('<p>x'))).toBe('text/html');
    expect(detectMediaType('notes.txt', undefined, text('x'))).toBe('text/plain');
  });

  it('lets a known extension win over a generic text/plain declaration', () => {
    expect(detectMediaType('guide.md', 'text/plain; charset=utf-8', text('# Guide'))).toBe('text/markdown');
  });

  it('uses the declared type, parameters ignored, when the name says nothing', () => {
    expect(detectMediaType('upload', 'text/markdown; charset=UTF-8', text('# x'))).toBe('text/markdown');
    expect(detectMediaType(undefined, 'application/xhtml+xml', text('<p>x'))).toBe('text/html');
  });

  it('calls a named or declared PDF without a header a PDF, so the parser reports it corrupt', () => {
    expect(detectMediaType('report.pdf', undefined, text('garbage'))).toBe('application/pdf');
    expect(detectMediaType(undefined, 'application/pdf', text('garbage'))).toBe('application/pdf');
  });

  it('sniffs text and HTML when nothing is declared', () => {
    expect(detectMediaType(undefined, undefined, text('  <!DOCTYPE html><html>'))).toBe('text/html');
    expect(detectMediaType(undefined, 'application/octet-stream', text('plain words'))).toBe('text/plain');
  });

  it('refuses unsupported declared types and extensions, naming what was seen', () => {
    const declared = refusal(() => detectMediaType(undefined, 'image/png', text('x')));
    expect(declared.message).toMatch(/declared type image\/png is not supported; supported: text\/plain/);
    expect(declared.declaredType).toBe('image/png');
    expect(refusal(() => detectMediaType('sheet.xlsx', undefined, text('x'))).message).toMatch(/\.xlsx is not supported/);
  });

  it('refuses known binary formats even when they claim to be text', () => {
    const docx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]);
    expect(refusal(() => detectMediaType('contract.txt', 'text/plain', docx)).message).toMatch(/ZIP archive/);
    expect(refusal(() => detectMediaType(undefined, undefined, new Uint8Array([0x00, 0x01, 0x02]))).message).toMatch(/neither text nor PDF/);
  });
});
