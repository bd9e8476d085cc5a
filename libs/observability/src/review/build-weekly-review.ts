import { rankReviewSections } from './rank-review-sections.js';
import { compareLabels, groupLabel } from './review-group.js';
import { reviewMarkdown } from './review-markdown.js';
import type { WeeklyReview, WeeklyReviewInput } from './weekly-review-types.js';

/** Groups below this many requests are too small to rank when the input names no minimum. */
export const DEFAULT_REVIEW_MIN_REQUESTS = 10;

/**
 * The weekly review of a period's route and prompt groups: where answers are least grounded,
 * where an answer costs most, what falls back most and what is slowest, as data and as Markdown.
 * Totals count every row; rankings only rows with at least `minRequests` requests.
 */
export function buildWeeklyReview(input: WeeklyReviewInput): WeeklyReview {
  const minRequests = input.minRequests ?? DEFAULT_REVIEW_MIN_REQUESTS;
  validate(input, minRequests);
  // Sorted first, so lists and floating-point totals do not depend on the order rows came in.
  const rows = [...input.rows].sort((a, b) => compareLabels(groupLabel(a), groupLabel(b)));
  const eligible = rows.filter((row) => row.requests >= minRequests);
  const totals = {
    groups: rows.length,
    requests: sum(rows.map((row) => row.requests)),
    answers: sum(rows.map((row) => row.answers)),
    costUsd: sum(rows.map((row) => row.costUsd)),
  };
  const omitted = {
    belowMinRequests: rows.filter((row) => row.requests < minRequests).map(groupLabel),
    withoutGroundedness: eligible.filter((row) => row.meanGroundedness === null).map(groupLabel),
  };
  const sections = rankReviewSections(eligible, input.limit);
  const review = { periodStart: input.periodStart, periodEnd: input.periodEnd, minRequests, totals, sections, omitted };
  return { ...review, markdown: reviewMarkdown(review) };
}

function validate(input: WeeklyReviewInput, minRequests: number): void {
  const start = Date.parse(input.periodStart);
  const end = Date.parse(input.periodEnd);
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
    throw new RangeError(`review period must be two ISO instants, start before end; got ${input.periodStart} to ${input.periodEnd}`);
  }
  if (!Number.isInteger(input.limit) || input.limit < 1) throw new RangeError(`review limit must be a positive whole number, got ${input.limit}`);
  if (!Number.isInteger(minRequests) || minRequests < 1) throw new RangeError(`review minRequests must be a positive whole number, got ${minRequests}`);
  const seen = new Set<string>();
  for (const row of input.rows) {
    const label = groupLabel(row);
    if (seen.has(label)) throw new Error(`review rows list group '${label}' twice; give each route and prompt version one row`);
    seen.add(label);
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
