import { nanosToUsd, usdToNanos, type UsageGroup, type UsageGroupBy } from '#libs/store';

/** The report of `GET /v1/usage`: one row per group and their total. */
export function toUsageResponse(tenantId: string, groupBy: UsageGroupBy, from: Date, to: Date, groups: readonly UsageGroup[]) {
  return {
    object: 'usage' as const,
    tenant_id: tenantId,
    group_by: groupBy,
    from: from.toISOString(),
    to: to.toISOString(),
    data: groups.map((group) => ({
      group: group.group,
      requests: group.requests,
      cost_usd: group.costUsd,
      input_tokens: group.inputTokens ?? null,
      output_tokens: group.outputTokens ?? null,
      cached_tokens: group.cachedTokens ?? null,
      cache_hits: group.cacheHits,
      saved_cost_usd: group.savedCostUsd,
      saved_input_tokens: group.savedInputTokens ?? null,
      saved_output_tokens: group.savedOutputTokens ?? null,
    })),
    total: {
      requests: groups.reduce((sum, group) => sum + group.requests, 0),
      // Summed in nano-dollars: adding float dollars drifts (0.1 + 0.2).
      cost_usd: nanosToUsd(groups.reduce((sum, group) => sum + usdToNanos(group.costUsd), 0)),
      input_tokens: sumKnown(groups.map((group) => group.inputTokens)),
      output_tokens: sumKnown(groups.map((group) => group.outputTokens)),
      cached_tokens: sumKnown(groups.map((group) => group.cachedTokens)),
      cache_hits: groups.reduce((sum, group) => sum + group.cacheHits, 0),
      saved_cost_usd: nanosToUsd(groups.reduce((sum, group) => sum + usdToNanos(group.savedCostUsd), 0)),
      saved_input_tokens: sumKnown(groups.map((group) => group.savedInputTokens)),
      saved_output_tokens: sumKnown(groups.map((group) => group.savedOutputTokens)),
    },
  };
}

/** Sum of the known counts; null when none is known (unknown is not 0). */
function sumKnown(values: ReadonlyArray<number | undefined>): number | null {
  const known = values.filter((value): value is number => value !== undefined);
  return known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0);
}
