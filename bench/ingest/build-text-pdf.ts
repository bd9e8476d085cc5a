/** Layout of the generated pages (US Letter, 11 pt Helvetica). */
const PAGE_WIDTH = 612;
const PAGE_HEIGHT = 792;
const FONT_SIZE = 11;
const LEADING = 14;
const MARGIN = 72;

/**
 * A valid PDF with one text line per entry of `lines`, `linesPerPage` to a page, written by
 * hand (no PDF library in the project): catalog, page tree, one Type 1 font, one content stream
 * per page, info dictionary with the title, and an exact cross-reference table. Blank entries
 * are blank lines, which the parser reads as paragraph breaks. Text must be ASCII.
 */
export function buildTextPdf(options: { readonly title: string; readonly lines: readonly string[]; readonly linesPerPage: number }): Uint8Array {
  const pages: string[][] = [];
  for (let start = 0; start < options.lines.length; start += options.linesPerPage) pages.push(options.lines.slice(start, start + options.linesPerPage));

  // Object numbers: 1 catalog, 2 page tree, 3 font, 4 info, then a page and its content per page.
  const objects: string[] = [];
  const pageObject = (index: number): number => 5 + index * 2;
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pages.map((_page, index) => `${pageObject(index)} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = `<< /Title (${escapePdfText(options.title)}) /Producer (Ballast ingest benchmark) >>`;
  pages.forEach((lines, index) => {
    const content = [`BT /F1 ${FONT_SIZE} Tf ${LEADING} TL ${MARGIN} ${PAGE_HEIGHT - MARGIN} Td`, ...lines.map((line) => `(${escapePdfText(line)}) Tj T*`), 'ET'].join('\n');
    objects[pageObject(index)] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageObject(index) + 1} 0 R >>`;
    objects[pageObject(index) + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });

  let pdf = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  for (let number = 1; number < objects.length; number += 1) {
    offsets[number] = pdf.length;
    pdf += `${number} 0 obj\n${objects[number] ?? 'null'}\nendobj\n`;
  }
  const xrefOffset = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let number = 1; number < objects.length; number += 1) pdf += `${String(offsets[number] ?? 0).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  // Latin-1, one byte per character, so the offsets counted above are byte offsets.
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

function escapePdfText(text: string): string {
  return text.replace(/[\\()]/g, (character) => `\\${character}`);
}
