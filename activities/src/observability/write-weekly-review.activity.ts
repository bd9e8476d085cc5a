import { buildWeeklyReview, percentile, type ReviewRow } from '#libs/observability';
import type { ObservabilityDependencies } from './observability-dependencies.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * Writes the review of the week ending at `periodEnd`: per route and prompt template, the lowest
 * groundedness, the highest cost per answer, the most fallbacks and the slowest. One review per
 * period (a re-run replaces it).
 */
export function createWriteWeeklyReview(deps: ObservabilityDependencies) {
  return async function writeWeeklyReview(input: { periodEnd: string }): Promise<{ id: string; groups: number }> {
    const until = new Date(input.periodEnd);
    const since = new Date(until.getTime() - WEEK_MS);
    const range = { scope: 'all-tenants' as const, since, until };
    const [groups, latencies] = await Promise.all([deps.analytics.byRouteAndTemplate(range), deps.analytics.latenciesByRouteAndTemplate(range)]);
    const rows: ReviewRow[] = groups.map((group) => ({
      route: group.key.route,
      ...(group.key.templateId === undefined ? {} : { promptTemplate: { id: group.key.templateId, version: group.key.templateVersion ?? '' } }),
      requests: group.requests,
      answers: group.requests - group.errors - group.rejected,
      meanGroundedness: group.meanGroundedness ?? null,
      lowGroundednessShare: group.scoredAnswers === 0 ? null : group.lowGroundedness / group.scoredAnswers,
      costUsd: group.costUsd,
      p95Ms: percentile(Array.from(latencies.get(group.groupKey) ?? []), 95) ?? null,
      fallbacks: group.fallbacks,
      retries: group.retries,
      errors: group.errors,
      cacheHits: group.cacheHits,
    }));
    const review = buildWeeklyReview({ periodStart: since.toISOString(), periodEnd: until.toISOString(), rows, limit: deps.review.limit, minRequests: deps.review.minRequests });
    const id = `review-${until.toISOString().slice(0, 10)}`;
    await deps.reviews.save({ id, createdAt: new Date().toISOString(), periodStart: review.periodStart, periodEnd: review.periodEnd, markdown: review.markdown, sections: review.sections });
    return { id, groups: rows.length };
  };
}
