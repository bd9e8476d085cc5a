import type { ReviewRow } from './weekly-review-types.js';

/** `support`, or `support · faq v3` for a route with a prompt template. */
export function groupLabel(row: Pick<ReviewRow, 'route' | 'promptTemplate'>): string {
  return row.promptTemplate === undefined ? row.route : `${row.route} · ${promptLabel(row)}`;
}

/** `faq v3`, or an empty string without a template. */
export function promptLabel(row: Pick<ReviewRow, 'promptTemplate'>): string {
  return row.promptTemplate === undefined ? '' : `${row.promptTemplate.id} v${row.promptTemplate.version}`;
}

/** Orders by code unit, not locale, so the order is the same on every machine. */
export function compareLabels(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
