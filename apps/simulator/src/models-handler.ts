import type { Exchange } from './exchange.js';
import { DEFAULT_SCENARIO_KEY } from './scenario-registry.js';

/** Models listed even when no scenario names them, so model pickers in demos have something to show. */
export const ADVERTISED_MODELS = ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small', 'claude-haiku-4-5', 'claude-sonnet-4-5'] as const;

/** The simulator answers for any model id; this lists the advertised ones plus every id with a scenario. */
function listedModels(scenarioModels: readonly string[]): string[] {
  return [...new Set([...ADVERTISED_MODELS, ...scenarioModels.filter((model) => model !== DEFAULT_SCENARIO_KEY)])];
}

/** `GET /v1/models` in the caller's provider shape (Anthropic when it sent `anthropic-version`). */
export function handleListModels(exchange: Exchange, scenarioModels: readonly string[]): void {
  const models = listedModels(scenarioModels);
  if (exchange.provider === 'anthropic') {
    const data = models.map((id) => ({ type: 'model', id, display_name: `${id} (simulated)`, created_at: '2025-01-01T00:00:00Z' }));
    exchange.sendJson(200, { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null });
    return;
  }
  const data = models.map((id) => ({ id, object: 'model', created: 1735689600, owned_by: 'ballast-simulator' }));
  exchange.sendJson(200, { object: 'list', data });
}
