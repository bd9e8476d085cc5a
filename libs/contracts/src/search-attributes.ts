import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Typed search attributes every request carries, so operators can find it in the
 * Temporal Web UI (`BallastTenant="acme" AND BallastStatus="failed"`).
 */
export const SEARCH_ATTRIBUTES = {
  tenant: defineSearchAttributeKey('BallastTenant', SearchAttributeType.KEYWORD),
  user: defineSearchAttributeKey('BallastUser', SearchAttributeType.KEYWORD),
  model: defineSearchAttributeKey('BallastModel', SearchAttributeType.KEYWORD),
  route: defineSearchAttributeKey('BallastRoute', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('BallastStatus', SearchAttributeType.KEYWORD),
  costUsd: defineSearchAttributeKey('BallastCostUsd', SearchAttributeType.DOUBLE),
  /** The request that started the workflow: cached routes share workflow ids, so requests are found by this. */
  requestId: defineSearchAttributeKey('BallastRequestId', SearchAttributeType.KEYWORD),
  /** The request a replay re-runs (`POST /v1/requests/:id/replay`): finds every replay of a request. */
  replayOf: defineSearchAttributeKey('BallastReplayOf', SearchAttributeType.KEYWORD),
} as const;

/** Name → type pairs, as `temporal server start-dev --search-attribute` takes them. */
export const SEARCH_ATTRIBUTE_DECLARATIONS: ReadonlyArray<{ name: string; type: 'Keyword' | 'Double' }> =
  Object.values(SEARCH_ATTRIBUTES).map((key) => ({
    name: key.name,
    type: key.type === SearchAttributeType.DOUBLE ? 'Double' : 'Keyword',
  }));
