import { lookAtCost, lookAtFallbacks, lookAtGroundedness, lookAtLatency } from './look-at.js';
import { compareLabels, groupLabel } from './review-group.js';
import type { ReviewEntry, ReviewRow, WeeklyReviewSections } from './weekly-review-types.js';

interface Candidate<F> {
  readonly row: ReviewRow;
  readonly group: string;
  readonly figures: F;
}

/**
 * The four rankings of the eligible rows, each cut at `limit`. Ties keep a fixed order: by the
 * next figure where one is named, then by group label.
 */
export function rankReviewSections(rows: readonly ReviewRow[], limit: number): WeeklyReviewSections {
  const labelled = rows.map((row) => ({ row, group: groupLabel(row) }));
  return {
    lowestGroundedness: rank(
      labelled.flatMap(({ row, group }) =>
        row.meanGroundedness === null ? [] : [{ row, group, figures: { meanGroundedness: row.meanGroundedness, lowGroundednessShare: row.lowGroundednessShare, answers: row.answers } }],
      ),
      (a, b) => a.figures.meanGroundedness - b.figures.meanGroundedness,
      limit,
      lookAtGroundedness,
    ),
    highestCostPerAnswer: rank(
      labelled.flatMap(({ row, group }) =>
        row.answers === 0 || row.costUsd <= 0
          ? []
          : [{ row, group, figures: { costPerAnswerUsd: row.costUsd / row.answers, costUsd: row.costUsd, answers: row.answers, cacheHitRate: row.cacheHits / row.requests } }],
      ),
      (a, b) => b.figures.costPerAnswerUsd - a.figures.costPerAnswerUsd,
      limit,
      lookAtCost,
    ),
    mostFallbacks: rank(
      labelled.flatMap(({ row, group }) =>
        row.fallbacks === 0
          ? []
          : [{ row, group, figures: { fallbackRate: row.fallbacks / row.requests, fallbacks: row.fallbacks, requests: row.requests, retries: row.retries, errors: row.errors } }],
      ),
      (a, b) => b.figures.fallbackRate - a.figures.fallbackRate || b.figures.fallbacks - a.figures.fallbacks,
      limit,
      lookAtFallbacks,
    ),
    slowest: rank(
      labelled.flatMap(({ row, group }) => (row.p95Ms === null ? [] : [{ row, group, figures: { p95Ms: row.p95Ms, requests: row.requests } }])),
      (a, b) => b.figures.p95Ms - a.figures.p95Ms,
      limit,
      lookAtLatency,
    ),
  };
}

function rank<F>(
  candidates: readonly Candidate<F>[],
  compare: (a: Candidate<F>, b: Candidate<F>) => number,
  limit: number,
  lookAt: (group: string, figures: F) => string,
): ReviewEntry<F>[] {
  return [...candidates]
    .sort((a, b) => compare(a, b) || compareLabels(a.group, b.group))
    .slice(0, limit)
    .map((candidate, index) => ({
      rank: index + 1,
      group: candidate.group,
      route: candidate.row.route,
      ...(candidate.row.promptTemplate === undefined ? {} : { promptTemplate: candidate.row.promptTemplate }),
      figures: candidate.figures,
      lookAt: lookAt(candidate.group, candidate.figures),
    }));
}
