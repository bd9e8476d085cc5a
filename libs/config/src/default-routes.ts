import type { RouteConfig } from './config-schema.js';

/**
 * Tiers the router picks from when `model` is `auto`: a cheap chain for simple queries and a
 * strong chain for complex ones, each falling back across providers.
 */
export function defaultRoutes(providerNames: readonly string[]): Record<string, RouteConfig> {
  const has = (name: string) => providerNames.includes(name);
  const chain = (targets: Array<{ provider: string; model: string }>): RouteConfig => ({
    targets: targets.filter((target) => has(target.provider)).map((target) => ({ ...target, maxAttempts: 3 })),
  });
  return {
    simple: chain([
      { provider: 'openai', model: 'gpt-4.1-mini' },
      { provider: 'anthropic', model: 'claude-haiku-4-5' },
      { provider: 'openai', model: 'gpt-4.1' },
    ]),
    complex: chain([
      { provider: 'openai', model: 'gpt-4.1' },
      { provider: 'anthropic', model: 'claude-sonnet-4-5' },
    ]),
  };
}
