import { classOf, SPACE } from '../shared/code-point-class.js';

/** Lines that carry site furniture rather than content: navigation, legal footers, cookie banners. */
const BOILERPLATE = [
  /^skip to (?:main )?content\b/i,
  /^(?:back to top|print this page|read more|see more|show more|load more)\b/i,
  /^(?:was this (?:article|page|answer|information) helpful|did this (?:article|page) help|is this page useful)\b/i,
  /\b(?:we|this site|this website) uses? cookies\b|\baccept (?:all )?cookies\b|\bcookie (?:settings|preferences|policy)\b/i,
  /\ball rights reserved\b/i,
  /^(?:©|\(c\)|copyright\b)/i,
  /^(?:share|follow us|subscribe)\b.{0,60}$/i,
  /^(?:edit this page|last updated by|report a bug|download pdf)\b/i,
  /^page \d+ of \d+$/i,
];

// A menu or breadcrumb: at least three short items between separators, none of them a figure.
const SEPARATOR = /\s+[|·•›»>]\s+|\s+\/\s+/;

/** True when a line is navigation, a legal footer, a cookie notice or another piece of site furniture. */
export function isBoilerplateLine(line: string): boolean {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.startsWith('|') || trimmed.startsWith('#')) return false;
  if (BOILERPLATE.some((pattern) => pattern.test(trimmed))) return true;
  // Without a separator character there is one item, and no menu.
  if (!hasSeparatorCharacter(trimmed)) return false;
  const items = trimmed.split(SEPARATOR);
  return items.length >= 3 && !/\d/.test(trimmed) && items.every((item) => item.split(/\s+/).length <= 4 && !/[.!?]$/.test(item));
}

// | · • › » > /
function hasSeparatorCharacter(line: string): boolean {
  for (let index = 0; index < line.length; index += 1) {
    const code = line.charCodeAt(index);
    if (code === 0x7c || code === 0xb7 || code === 0x2022 || code === 0x203a || code === 0xbb || code === 0x3e || code === 0x2f) return true;
  }
  return false;
}

/**
 * Collapses runs of spaces and tabs (and no-break and other fixed-width spaces), trims the line;
 * line breaks are handled by the caller. Most lines need neither: they are returned as they are
 * after one look at each character.
 */
export function normalizeWhitespace(line: string): string {
  return isNormal(line) ? line : line.replace(/[ \t\u00a0\u2000-\u200b]+/g, ' ').trim();
}

// No leading or trailing whitespace, and no collapsible character other than single spaces.
function isNormal(line: string): boolean {
  if (line === '') return true;
  if ((classOf(line.charCodeAt(0)) & SPACE) !== 0 || (classOf(line.charCodeAt(line.length - 1)) & SPACE) !== 0) return false;
  for (let index = 0; index < line.length; index += 1) {
    const code = line.charCodeAt(index);
    if (code === 0x20 ? index > 0 && line.charCodeAt(index - 1) === 0x20 : code === 0x09 || code === 0xa0 || (code >= 0x2000 && code <= 0x200b)) return false;
  }
  return true;
}
