import { formatCount, formatMs, formatPercent, formatScore, formatUnitCost, formatUsd } from '../format/figures.js';
import { promptLabel } from './review-group.js';
import type { ReviewEntry, WeeklyReviewOmissions, WeeklyReviewSections, WeeklyReviewTotals } from './weekly-review-types.js';

export interface ReviewMarkdownInput {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly minRequests: number;
  readonly totals: WeeklyReviewTotals;
  readonly sections: WeeklyReviewSections;
  readonly omitted: WeeklyReviewOmissions;
}

/** The review as Markdown: title, totals, what was left out, then per section a ranked table and what to look at first. */
export function reviewMarkdown(review: ReviewMarkdownInput): string {
  const { totals, sections, omitted } = review;
  const lines = [
    `# Ballast weekly review: ${day(review.periodStart)} to ${lastDay(review.periodEnd)}`,
    '',
    `${formatCount(totals.requests)} requests, ${formatCount(totals.answers)} answers and ${formatUsd(totals.costUsd)} spent across ${formatCount(totals.groups)} ${plural(totals.groups, 'route and prompt group', 'route and prompt groups')} (${minute(review.periodStart)} to ${minute(review.periodEnd)} UTC).`,
  ];
  if (omitted.belowMinRequests.length > 0) {
    lines.push('', `${leftOut(omitted.belowMinRequests)} fewer than ${review.minRequests} requests and ${omitted.belowMinRequests.length === 1 ? 'is' : 'are'} left out of the rankings: ${names(omitted.belowMinRequests)}.`);
  }
  lines.push(
    ...section('Lowest groundedness', ['Mean groundedness', 'Below threshold', 'Answers'], sections.lowestGroundedness, (figures) => [
      formatScore(figures.meanGroundedness),
      figures.lowGroundednessShare === null ? '–' : formatPercent(figures.lowGroundednessShare),
      formatCount(figures.answers),
    ]),
  );
  if (omitted.withoutGroundedness.length > 0) {
    lines.push('', `${leftOut(omitted.withoutGroundedness)} no groundedness scores and ${omitted.withoutGroundedness.length === 1 ? 'is' : 'are'} not ranked here: ${names(omitted.withoutGroundedness)}.`);
  }
  lines.push(
    ...section('Highest cost per answer', ['Per answer', 'Cost', 'Answers', 'Cache hits'], sections.highestCostPerAnswer, (figures) => [
      formatUnitCost(figures.costPerAnswerUsd),
      formatUsd(figures.costUsd),
      formatCount(figures.answers),
      formatPercent(figures.cacheHitRate),
    ]),
    ...section('Most fallbacks', ['Fell back', 'Fallbacks', 'Retries', 'Errors', 'Requests'], sections.mostFallbacks, (figures) => [
      formatPercent(figures.fallbackRate),
      formatCount(figures.fallbacks),
      formatCount(figures.retries),
      formatCount(figures.errors),
      formatCount(figures.requests),
    ]),
    ...section('Slowest', ['p95', 'Requests'], sections.slowest, (figures) => [formatMs(figures.p95Ms), formatCount(figures.requests)]),
  );
  return `${lines.join('\n')}\n`;
}

/** A heading, the ranked table, and what to look at for the group on top. */
function section<F>(title: string, headers: readonly string[], entries: readonly ReviewEntry<F>[], cells: (figures: F) => string[]): string[] {
  if (!isNonEmpty(entries)) return ['', `## ${title}`, '', 'No group qualifies.'];
  return [
    '',
    `## ${title}`,
    '',
    row(['#', 'Route', 'Prompt', ...headers]),
    row(['---:', '---', '---', ...headers.map(() => '---:')]),
    ...entries.map((entry) => row([String(entry.rank), entry.route, promptLabel(entry) || '–', ...cells(entry.figures)])),
    '',
    `What to look at: ${entries[0].lookAt}`,
  ];
}

function isNonEmpty<T>(items: readonly T[]): items is readonly [T, ...T[]] {
  return items.length > 0;
}

function row(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

/** A `|` would end the cell and a newline the row. */
function escapeCell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function leftOut(groups: readonly string[]): string {
  return groups.length === 1 ? '1 group has' : `${groups.length} groups have`;
}

function names(groups: readonly string[]): string {
  return groups.join(', ');
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}

/** `2024-02-05 00:00`. */
function minute(iso: string): string {
  return new Date(iso).toISOString().slice(0, 16).replace('T', ' ');
}

function day(iso: string): string {
  return new Date(iso).toISOString().slice(0, 10);
}

/** The last day inside a period whose end is exclusive (a period ending at midnight ends the day before). */
function lastDay(iso: string): string {
  return new Date(Date.parse(iso) - 1).toISOString().slice(0, 10);
}
