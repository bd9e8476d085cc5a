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
  const items = trimmed.split(SEPARATOR);
  return items.length >= 3 && !/\d/.test(trimmed) && items.every((item) => item.split(/\s+/).length <= 4 && !/[.!?]$/.test(item));
}

/** Collapses runs of spaces and tabs, trims the line; line breaks are handled by the caller. */
export function normalizeWhitespace(line: string): string {
  return line.replace(/[ \t\u00a0\u2000-\u200b]+/g, ' ').trim();
}
