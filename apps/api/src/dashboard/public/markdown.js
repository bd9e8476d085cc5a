import { externalLink, h, safeUrl } from './dom.js';

/**
 * A small Markdown renderer for the weekly review: headings, paragraphs, bullet and numbered
 * lists, tables, block quotes, rules, fenced code, and inline bold, italic, code and links.
 * It builds DOM nodes directly and every piece of text becomes a text node, so the review's
 * content is escaped by construction; links keep only http(s) URLs (see `externalLink`).
 */
export function renderMarkdown(source) {
  const fragment = document.createDocumentFragment();
  const lines = String(source ?? '').replace(/\r\n?/g, '\n').split('\n');
  let index = 0;
  while (index < lines.length) {
    const line = lines[index];
    const block = BLOCKS.find((candidate) => candidate.starts(line, lines[index + 1]));
    if (block) {
      const { node, next } = block.read(lines, index);
      fragment.append(node);
      index = next;
    } else if (line.trim() === '') {
      index += 1;
    } else {
      const { node, next } = readParagraph(lines, index);
      fragment.append(node);
      index = next;
    }
  }
  return fragment;
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;
const RULE = /^\s*([-*_])(\s*\1){2,}\s*$/;
const FENCE = /^\s*(```|~~~)/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

const BLOCKS = [
  {
    starts: (line) => FENCE.test(line),
    read(lines, start) {
      const fence = lines[start].trim().slice(0, 3);
      let end = start + 1;
      while (end < lines.length && !lines[end].trim().startsWith(fence)) end += 1;
      const code = h('code', {}, lines.slice(start + 1, end).join('\n'));
      return { node: h('pre', {}, code), next: end + 1 };
    },
  },
  {
    starts: (line) => HEADING.test(line),
    read(lines, start) {
      const [, hashes, text] = HEADING.exec(lines[start]);
      // The card already has an h2; review headings sit below it.
      const level = Math.min(6, hashes.length + 2);
      return { node: h(`h${level}`, {}, inline(text)), next: start + 1 };
    },
  },
  {
    starts: (line) => RULE.test(line),
    read: (_lines, start) => ({ node: h('hr'), next: start + 1 }),
  },
  {
    starts: (line, nextLine) => line.includes('|') && nextLine !== undefined && TABLE_SEPARATOR.test(nextLine) && nextLine.includes('-'),
    read: readTable,
  },
  {
    starts: (line) => BULLET.test(line) || NUMBERED.test(line),
    read: readList,
  },
  {
    starts: (line) => /^\s*>/.test(line),
    read(lines, start) {
      let end = start;
      while (end < lines.length && /^\s*>/.test(lines[end])) end += 1;
      const inner = lines.slice(start, end).map((line) => line.replace(/^\s*>\s?/, '')).join('\n');
      return { node: h('blockquote', {}, renderMarkdown(inner)), next: end };
    },
  },
];

function startsBlock(lines, index) {
  return BLOCKS.some((block) => block.starts(lines[index], lines[index + 1]));
}

function readParagraph(lines, start) {
  let end = start;
  while (end < lines.length && lines[end].trim() !== '' && (end === start || !startsBlock(lines, end))) end += 1;
  return { node: h('p', {}, inline(lines.slice(start, end).map((line) => line.trim()).join(' '))), next: end };
}

function readList(lines, start) {
  const ordered = NUMBERED.test(lines[start]);
  const pattern = ordered ? NUMBERED : BULLET;
  const items = [];
  let end = start;
  while (end < lines.length) {
    const match = pattern.exec(lines[end]);
    if (match) {
      items.push(match[1]);
    } else if (lines[end].trim() !== '' && /^\s{2,}/.test(lines[end]) && items.length > 0) {
      // An indented continuation line belongs to the previous item.
      items[items.length - 1] += ` ${lines[end].trim()}`;
    } else {
      break;
    }
    end += 1;
  }
  return { node: h(ordered ? 'ol' : 'ul', {}, items.map((item) => h('li', {}, inline(item)))), next: end };
}

function splitRow(line) {
  const trimmed = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return trimmed.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

function readTable(lines, start) {
  const header = splitRow(lines[start]);
  const alignments = splitRow(lines[start + 1]).map((cell) => (cell.endsWith(':') ? (cell.startsWith(':') ? 'center' : 'right') : 'left'));
  let end = start + 2;
  const rows = [];
  while (end < lines.length && lines[end].includes('|') && lines[end].trim() !== '') {
    rows.push(splitRow(lines[end]));
    end += 1;
  }
  const cell = (tag, text, column) => h(tag, { class: `align-${alignments[column] ?? 'left'}` }, inline(text ?? ''));
  const table = h('table', { class: 'md-table' },
    h('thead', {}, h('tr', {}, header.map((text, column) => cell('th', text, column)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, header.map((_, column) => cell('td', row[column], column))))),
  );
  return { node: h('div', { class: 'table-scroll' }, table), next: end };
}

/**
 * Inline spans, earliest match first: `code`, **bold**, *italic* or _italic_, [text](url).
 * Underscores count only at word edges, so identifiers like `tenant_user_id` stay intact.
 */
const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|(?<!\w)__(.+?)__(?!\w)|\*([^*\s][^*]*?)\*|(?<!\w)_([^_\s][^_]*?)_(?!\w)|\[([^\]]+)\]\(([^)\s]+)\)/;

export function inline(text) {
  const nodes = [];
  let rest = text;
  while (rest !== '') {
    const match = INLINE.exec(rest);
    if (!match) {
      nodes.push(rest);
      break;
    }
    if (match.index > 0) nodes.push(rest.slice(0, match.index));
    const [whole, code, bold, boldUnderscore, italic, italicUnderscore, linkText, linkUrl] = match;
    if (code !== undefined) nodes.push(h('code', {}, code));
    else if (bold !== undefined || boldUnderscore !== undefined) nodes.push(h('strong', {}, inline(bold ?? boldUnderscore)));
    else if (italic !== undefined || italicUnderscore !== undefined) nodes.push(h('em', {}, inline(italic ?? italicUnderscore)));
    else if (safeUrl(linkUrl) !== null) nodes.push(externalLink(linkUrl, inline(linkText)));
    else nodes.push(...inline(linkText));
    rest = rest.slice(match.index + whole.length);
  }
  return nodes;
}
