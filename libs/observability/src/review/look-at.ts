import { formatCount, formatMs, formatPercent, formatScore, formatUnitCost, formatUsd } from '../format/figures.js';
import type { CostFigures, FallbackFigures, GroundednessFigures, LatencyFigures } from './weekly-review-types.js';

export function lookAtGroundedness(group: string, figures: GroundednessFigures): string {
  const low = figures.lowGroundednessShare === null ? '' : `, ${formatPercent(figures.lowGroundednessShare)} of them below the threshold`;
  return `**${group}**: mean groundedness ${formatScore(figures.meanGroundedness)} over ${formatCount(figures.answers)} answers${low}. Check what retrieval returns for these questions (collections, topK, minScore) and whether the prompt tells the model to answer only from its sources.`;
}

export function lookAtCost(group: string, figures: CostFigures): string {
  return `**${group}**: ${formatUnitCost(figures.costPerAnswerUsd)} per answer (${formatUsd(figures.costUsd)} over ${formatCount(figures.answers)} answers), ${formatPercent(figures.cacheHitRate)} served from cache. Check the model the route uses, how long its prompts are, and whether caching could serve repeats.`;
}

export function lookAtFallbacks(group: string, figures: FallbackFigures): string {
  return `**${group}**: ${formatPercent(figures.fallbackRate)} of requests fell back (${formatCount(figures.fallbacks)} of ${formatCount(figures.requests)}), with ${formatCount(figures.retries)} retries and ${formatCount(figures.errors)} errors. Check the first target's errors, timeouts and rate limits.`;
}

export function lookAtLatency(group: string, figures: LatencyFigures): string {
  return `**${group}**: p95 ${formatMs(figures.p95Ms)} over ${formatCount(figures.requests)} requests. Check answer lengths, the model tier and the provider's latency on this route.`;
}
