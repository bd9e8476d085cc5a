import { ModelCatalog } from '#libs/models';
import { DEFAULT_ROUTING_RULES } from '#libs/routing';
import { RouteTable } from './route-table.js';
import { UnknownModelError } from './unknown-model-error.js';

const table = new RouteTable({
  routes: {
    simple: { targets: [{ provider: 'openai', model: 'gpt-4.1-mini', maxAttempts: 3 }, { provider: 'anthropic', model: 'claude-haiku-4-5', maxAttempts: 2 }] },
    complex: { targets: [{ provider: 'openai', model: 'gpt-4.1', maxAttempts: 3 }] },
  },
  rules: DEFAULT_ROUTING_RULES,
  catalog: ModelCatalog.withOverrides([]),
  providers: [
    { name: 'openai', kind: 'openai' },
    { name: 'anthropic', kind: 'anthropic' },
  ],
});
const user = (content: string) => [{ role: 'user' as const, content }];

test('auto classifies the request and returns the tier chain with context windows', () => {
  const plan = table.plan({ model: 'auto', messages: user('hello') });
  expect(plan.route).toBe('simple');
  expect(plan.targets.map((target) => target.model)).toEqual(['gpt-4.1-mini', 'claude-haiku-4-5']);
  expect(plan.targets[0]?.contextWindow).toBeGreaterThan(100_000);
  expect(plan.estimatedInputTokens).toBeGreaterThan(0);
});

test('a tier hint overrides the classifier', () => {
  expect(table.plan({ model: 'auto', messages: user('hello'), tierHint: 'complex' }).route).toBe('complex');
});

test('a route name uses that chain; a catalog model served by a configured provider is a one-target chain', () => {
  expect(table.plan({ model: 'complex', messages: user('x') }).targets).toHaveLength(1);
  const direct = table.plan({ model: 'claude-sonnet-4-5', messages: user('x') });
  expect(direct.targets).toEqual([expect.objectContaining({ provider: 'anthropic', model: 'claude-sonnet-4-5' })]);
});

test('an unknown model is refused with the routes that exist', () => {
  expect(() => table.plan({ model: 'gpt-zero', messages: user('x') })).toThrow(UnknownModelError);
  expect(() => table.assertKnown('gpt-zero')).toThrow(/simple, complex/);
  expect(() => table.assertKnown('auto')).not.toThrow();
});

test('available() lists auto, routes and servable catalog models', () => {
  const ids = table.available().map((model) => model.id);
  expect(ids.slice(0, 3)).toEqual(['auto', 'simple', 'complex']);
  expect(ids).toContain('gpt-4.1-nano');
});
