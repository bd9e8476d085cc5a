import { parse as parseYaml } from 'yaml';
import type { ParsedDocument } from './parsed-document.js';
import { SectionBuilder, titleFromFileName, titleFromText } from './section-builder.js';

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;

/**
 * Markdown as sections: ATX (`## Refunds`) and setext headings build the heading path; fenced
 * code blocks stay whole, blank lines inside them included; a YAML front-matter `title` names
 * the document. The text keeps its Markdown: models read it well and citations quote it as written.
 */
export function parseMarkdown(source: string, fileName?: string): ParsedDocument {
  const { body, title: frontMatterTitle } = splitFrontMatter(source);
  const builder = new SectionBuilder();
  let firstH1: string | undefined;
  let paragraph: string[] = [];
  let fence: { readonly marker: string; readonly lines: string[] } | undefined;

  const flushParagraph = (): void => {
    builder.appendBlock(paragraph.join('\n'));
    paragraph = [];
  };
  const openHeading = (level: number, raw: string): void => {
    const text = cleanInlineMarkdown(raw);
    if (text === '') return;
    if (level === 1) firstH1 ??= text;
    builder.openHeading(level, text);
  };

  for (const line of body.split('\n')) {
    if (fence !== undefined) {
      fence.lines.push(line);
      if (closesFence(line, fence.marker)) {
        builder.appendBlock(fence.lines.join('\n'));
        fence = undefined;
      }
      continue;
    }
    const fenceOpen = FENCE_OPEN.exec(line);
    if (fenceOpen?.[1] !== undefined) {
      flushParagraph();
      fence = { marker: fenceOpen[1], lines: [line] };
      continue;
    }
    const atx = ATX_HEADING.exec(line);
    if (atx?.[1] !== undefined) {
      flushParagraph();
      openHeading(atx[1].length, atx[2] ?? '');
      continue;
    }
    const setext = SETEXT_UNDERLINE.exec(line);
    if (setext?.[1] !== undefined && paragraph.length > 0 && !looksLikeListItem(paragraph[0] ?? '')) {
      const headingText = paragraph.join(' ');
      paragraph = [];
      openHeading(setext[1].startsWith('=') ? 1 : 2, headingText);
      continue;
    }
    if (line.trim() === '' || setext !== null) {
      // A blank line, or a thematic break (`---` after nothing), ends the paragraph.
      flushParagraph();
      continue;
    }
    paragraph.push(line);
  }
  if (fence !== undefined) builder.appendBlock(fence.lines.join('\n'));
  flushParagraph();

  const sections = builder.finish();
  const title = frontMatterTitle ?? firstH1 ?? titleFromFileName(fileName) ?? titleFromText(sections[0]?.text ?? '') ?? 'Untitled';
  return { title, sections };
}

function splitFrontMatter(source: string): { readonly body: string; readonly title: string | undefined } {
  const match = FRONT_MATTER.exec(source);
  if (match === null) return { body: source, title: undefined };
  let title: string | undefined;
  try {
    const data: unknown = parseYaml(match[1] ?? '');
    const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['title'] : undefined;
    if (typeof value === 'string' && value.trim() !== '') title = value.trim();
  } catch {
    // A block between `---` lines that is not YAML is a thematic break and text, not front matter.
    return { body: source, title: undefined };
  }
  return { body: source.slice(match[0].length), title };
}

function closesFence(line: string, marker: string): boolean {
  const trimmed = line.trim();
  const markerChar = marker.charAt(0);
  return trimmed.length >= marker.length && [...trimmed].every((character) => character === markerChar);
}

function looksLikeListItem(line: string): boolean {
  return /^\s*(?:[-*+]|\d+[.)])\s/.test(line);
}

/** Heading text without link targets, images, code ticks and emphasis markers. */
export function cleanInlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, '$1')
    // Underscores mark emphasis only at word edges: `snake_case_name` stays as it is.
    .replace(/(?<!\w)(__?)(?=\S)(.+?)(?<=\S)\1(?!\w)/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}
