import { computeCostUsd, type ModelCatalogEntry } from '#libs/models';
import { classifyRequest } from './classify-request.js';
import type { LabelledQuery } from './labelled-query.js';
import { extractRequestFeatures } from './request-features.js';
import type { RoutingRules } from './routing-rules.js';

/** Prices and answer lengths the evaluation assumes. */
export interface RouterPricing {
  /** The model each tier calls, e.g. `{ simple: gpt-4.1-mini, complex: gpt-4.1 }`. */
  readonly modelsByTier: Readonly<Record<string, ModelCatalogEntry>>;
  /** The tier an "always use the strong model" deployment would send everything to. */
  readonly strongTier: string;
  /** Assumed output tokens per labelled tier, since hard questions get longer answers. */
  readonly outputTokensByLabel: Readonly<Record<string, number>>;
}

/** Money spent by the router's choices against sending everything to the strong tier. */
export interface CostComparison {
  readonly routedUsd: number;
  readonly allStrongUsd: number;
  /** What a router that always agreed with the labels would spend: the best case. */
  readonly perfectRouterUsd: number;
  readonly savedUsd: number;
  /** savedUsd / allStrongUsd; 0 when nothing was spent. */
  readonly savedFraction: number;
}

/** Accuracy of one split (or of all queries). */
export interface SplitEvaluation {
  readonly total: number;
  readonly correct: number;
  /** correct / total; 0 for an empty split. */
  readonly accuracy: number;
  /** confusion[label][predictedTier] = number of queries. */
  readonly confusion: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly cost: CostComparison;
}

/** A query the router sent to a different tier than its label. */
export interface MisrouteRow {
  readonly id: string;
  readonly split: string;
  readonly label: string;
  readonly predicted: string;
  readonly reason: string;
  /** Estimated cost on the tier the router chose. */
  readonly routedUsd: number;
  /** Estimated cost on the tier the label asks for. */
  readonly labelledTierUsd: number;
}

/** What a set of routing rules does to a labelled set: accuracy, cost, and the price of mistakes. */
export interface RouterEvaluation {
  /** Per split (`tune`, `holdout`) and `all`. */
  readonly splits: Readonly<Record<string, SplitEvaluation>>;
  /** Strong-tier queries sent elsewhere: cheaper (savedUsd), but the answer may be worse. */
  readonly qualityRisk: { readonly count: number; readonly savedUsd: number; readonly rows: readonly MisrouteRow[] };
  /** Other-tier queries sent to the strong tier: fine answer, paid extraUsd too much. */
  readonly overspend: { readonly count: number; readonly extraUsd: number; readonly rows: readonly MisrouteRow[] };
}

interface CostTotals {
  routedNano: number;
  strongNano: number;
  labelledNano: number;
}

/**
 * Runs the router over labelled queries and prices each choice with the catalog. Input
 * tokens are the router's own estimate from the messages; output tokens come from
 * `pricing.outputTokensByLabel`. Sums are kept in integer nano-dollars so totals do not drift.
 */
export function evaluateRouter(
  queries: readonly LabelledQuery[],
  rules: RoutingRules,
  pricing: RouterPricing,
): RouterEvaluation {
  const strongModel = modelFor(pricing, pricing.strongTier);
  const splits = new Map<string, { correct: number; total: number; confusion: Record<string, Record<string, number>>; cost: CostTotals }>();
  const qualityRiskRows: MisrouteRow[] = [];
  const overspendRows: MisrouteRow[] = [];

  for (const query of queries) {
    const features = extractRequestFeatures(query.messages);
    const decision = classifyRequest(features, rules);
    const outputTokens = pricing.outputTokensByLabel[query.label];
    if (outputTokens === undefined) {
      throw new Error(`evaluateRouter: no output token estimate for label '${query.label}' (query '${query.id}')`);
    }
    const usage = { inputTokens: features.totalTokens, outputTokens, cachedInputTokens: 0 };
    const costOn = (tier: string): number => toNano(computeCostUsd(modelFor(pricing, tier), usage).costUsd);
    const routedNano = costOn(decision.tier);
    const strongNano = toNano(computeCostUsd(strongModel, usage).costUsd);
    const labelledTierNano = costOn(query.label);

    for (const splitName of [query.split, 'all']) {
      const split = splits.get(splitName) ?? { correct: 0, total: 0, confusion: {}, cost: { routedNano: 0, strongNano: 0, labelledNano: 0 } };
      splits.set(splitName, split);
      split.total += 1;
      if (decision.tier === query.label) split.correct += 1;
      const row = (split.confusion[query.label] ??= {});
      row[decision.tier] = (row[decision.tier] ?? 0) + 1;
      split.cost.routedNano += routedNano;
      split.cost.strongNano += strongNano;
      split.cost.labelledNano += labelledTierNano;
    }

    if (decision.tier === query.label) continue;
    const misroute: MisrouteRow = {
      id: query.id,
      split: query.split,
      label: query.label,
      predicted: decision.tier,
      reason: decision.reason,
      routedUsd: fromNano(routedNano),
      labelledTierUsd: fromNano(labelledTierNano),
    };
    if (query.label === pricing.strongTier) qualityRiskRows.push(misroute);
    else if (decision.tier === pricing.strongTier) overspendRows.push(misroute);
  }

  return {
    splits: Object.fromEntries(
      [...splits].map(([name, split]) => [
        name,
        {
          total: split.total,
          correct: split.correct,
          accuracy: split.total === 0 ? 0 : split.correct / split.total,
          confusion: split.confusion,
          cost: compareCost(split.cost),
        },
      ]),
    ),
    qualityRisk: {
      count: qualityRiskRows.length,
      savedUsd: fromNano(sumNano(qualityRiskRows, (row) => toNano(row.labelledTierUsd) - toNano(row.routedUsd))),
      rows: qualityRiskRows,
    },
    overspend: {
      count: overspendRows.length,
      extraUsd: fromNano(sumNano(overspendRows, (row) => toNano(row.routedUsd) - toNano(row.labelledTierUsd))),
      rows: overspendRows,
    },
  };
}

function modelFor(pricing: RouterPricing, tier: string): ModelCatalogEntry {
  const model = pricing.modelsByTier[tier];
  if (model === undefined) throw new Error(`evaluateRouter: no model priced for tier '${tier}'`);
  return model;
}

function compareCost(totals: CostTotals): CostComparison {
  const savedNano = totals.strongNano - totals.routedNano;
  return {
    routedUsd: fromNano(totals.routedNano),
    allStrongUsd: fromNano(totals.strongNano),
    perfectRouterUsd: fromNano(totals.labelledNano),
    savedUsd: fromNano(savedNano),
    savedFraction: totals.strongNano === 0 ? 0 : savedNano / totals.strongNano,
  };
}

function sumNano<T>(items: readonly T[], nano: (item: T) => number): number {
  return items.reduce((total, item) => total + nano(item), 0);
}

function toNano(usd: number): number {
  return Math.round(usd * 1e9);
}

function fromNano(nano: number): number {
  return nano / 1e9;
}
