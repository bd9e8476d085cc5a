import { decodeHtmlEntities } from './html-entities.js';
import type { ParsedDocument } from './parsed-document.js';
import { scanHtml } from './scan-html.js';
import { SectionBuilder, titleFromFileName, titleFromText } from './section-builder.js';

/** Page furniture and non-text content, dropped with everything inside. */
const SKIPPED_ELEMENTS = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'canvas', 'iframe', 'object', 'embed',
  'nav', 'footer', 'aside', 'button', 'select', 'textarea', 'dialog', 'noembed', 'noframes',
]);

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Elements that end the running paragraph where they open and where they close. */
const BLOCK_ELEMENTS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'form', 'header', 'hgroup', 'hr', 'html', 'li', 'main', 'ol', 'p', 'section', 'summary',
  'table', 'tbody', 'tfoot', 'thead', 'ul',
]);

/** Stands for two spaces of list indentation until whitespace is collapsed. */
const NESTING_INDENT = '\u0001';

const HEADING = /^h([1-6])$/;
const HIDDEN = /(?:^|\s)hidden(?:\s|=|$)|aria-hidden\s*=\s*["']?true|display\s*:\s*none/i;

/**
 * The readable text of an HTML page as sections under its `h1`–`h6` headings. Scripts, styles,
 * navigation, footers, asides and hidden elements are dropped; when the page marks its content
 * with `<main>` (or has exactly one `<article>`), only that is read. `<pre>` becomes a fenced
 * code block, list items get markers, table rows become lines of cells separated by `|`.
 */
export function parseHtml(html: string, fileName?: string): ParsedDocument {
  const contentElement = /<main[\s>]/i.test(html) ? 'main' : (html.match(/<article[\s>]/gi)?.length ?? 0) === 1 ? 'article' : undefined;
  const builder = new SectionBuilder();
  let pageTitle: string | undefined;
  let firstH1: string | undefined;
  let contentDepth = contentElement === undefined ? 1 : 0;
  let skipped: { readonly name: string; depth: number } | undefined;
  let inTitle = false;
  let heading: { readonly level: number; text: string } | undefined;
  let preDepth = 0;
  let inline = '';
  let cellsInRow = 0;
  const lists: Array<{ readonly ordered: boolean; counter: number }> = [];

  const flushInline = (): void => {
    if (preDepth > 0) return;
    builder.appendBlock(collapseWhitespace(inline));
    inline = '';
  };
  const closeHeading = (): void => {
    if (heading === undefined) return;
    const text = collapseWhitespace(heading.text).replace(/\n/g, ' ');
    if (text !== '') {
      if (heading.level === 1) firstH1 ??= text;
      builder.openHeading(heading.level, text);
    }
    heading = undefined;
  };
  const append = (text: string): void => {
    if (heading !== undefined) heading.text += text;
    else inline += text;
  };

  for (const token of scanHtml(html)) {
    if (token.type === 'text') {
      if (inTitle) pageTitle = collapseWhitespace(decodeHtmlEntities(token.text)) || pageTitle;
      else if (skipped === undefined && contentDepth > 0) {
        // Line breaks in the source are plain whitespace; only <br>, list items and rows break lines.
        append(preDepth > 0 ? decodeHtmlEntities(token.text) : decodeHtmlEntities(token.text).replace(/\s+/g, ' '));
      }
      continue;
    }
    const { name } = token;
    // The page title sits in the skipped <head>; an <svg> has <title>s of its own, which are not it.
    if (name === 'title' && (skipped === undefined || skipped.name === 'head')) {
      inTitle = token.type === 'open' && !token.selfClosing && pageTitle === undefined;
      continue;
    }
    if (skipped !== undefined) {
      if (name === skipped.name && !VOID_ELEMENTS.has(name)) skipped.depth += token.type === 'open' ? 1 : -1;
      if (skipped.depth === 0) skipped = undefined;
      continue;
    }
    if (name === contentElement) {
      contentDepth += token.type === 'open' ? 1 : -1;
      flushInline();
      continue;
    }
    if (token.type === 'open' && !VOID_ELEMENTS.has(name) && !token.selfClosing && (SKIPPED_ELEMENTS.has(name) || HIDDEN.test(token.attributes))) {
      skipped = { name, depth: 1 };
      continue;
    }
    if (contentDepth <= 0) continue;

    const headingLevel = HEADING.exec(name)?.[1];
    if (headingLevel !== undefined) {
      closeHeading();
      flushInline();
      if (token.type === 'open') heading = { level: Number(headingLevel), text: '' };
      continue;
    }
    if (name === 'pre') {
      if (token.type === 'open') {
        closeHeading();
        flushInline();
        preDepth += 1;
        if (preDepth === 1) inline = '';
      } else if (preDepth > 0) {
        preDepth -= 1;
        if (preDepth === 0) {
          builder.appendBlock(`\`\`\`\n${inline.replace(/^\n|\s+$/g, '')}\n\`\`\``);
          inline = '';
        }
      }
      continue;
    }
    if (name === 'br') {
      append('\n');
      continue;
    }
    if (preDepth > 0) continue;
    if (name === 'td' || name === 'th') {
      if (token.type === 'open') append(cellsInRow++ > 0 ? ' | ' : '');
      continue;
    }
    if (name === 'tr') {
      if (token.type === 'close' || cellsInRow > 0) append('\n');
      cellsInRow = 0;
      continue;
    }
    if (name === 'ul' || name === 'ol') {
      // A nested list stays in the block of the outer one.
      if (lists.length === 0) flushInline();
      if (token.type === 'open') lists.push({ ordered: name === 'ol', counter: 0 });
      else lists.pop();
      if (lists.length === 0) flushInline();
      continue;
    }
    if (BLOCK_ELEMENTS.has(name)) {
      closeHeading();
      if (name === 'li' && lists.length > 0) {
        // List items of one list form one block, one item per line.
        if (token.type === 'open') {
          const list = lists.at(-1);
          if (list !== undefined) list.counter += 1;
          append(`\n${NESTING_INDENT.repeat(lists.length - 1)}${list?.ordered === true ? `${list.counter}.` : '-'} `);
        }
        continue;
      }
      flushInline();
    }
  }
  closeHeading();
  flushInline();

  const sections = builder.finish();
  const title = pageTitle ?? firstH1 ?? titleFromFileName(fileName) ?? titleFromText(sections[0]?.text ?? '') ?? 'Untitled';
  return { title, sections };
}

/** Runs of spaces and tabs become one space; lines are trimmed; blank lines collapse. */
function collapseWhitespace(text: string): string {
  return text
    .replace(/[ \t\f\r\u00a0]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim()
    .replaceAll(NESTING_INDENT, '  ');
}
