import { CacheStats } from './cache-stats.js';

test('hit rate counts hits over lookups; bypasses and joins are reported apart; savings add up', () => {
  const stats = new CacheStats(new Date('2031-01-01T00:00:00Z'));
  stats.miss('acme');
  stats.admission('acme', { admit: true });
  stats.hit('acme', 'exact', { inputTokens: 100, outputTokens: 20, costUsd: 0.000_1 });
  stats.hit('acme', 'semantic', { inputTokens: 50, outputTokens: null, costUsd: 0.000_05 });
  stats.joined('acme', { inputTokens: 10, outputTokens: 5, costUsd: 0.000_01 });
  stats.miss('acme');
  stats.bypass('acme', 'cache-control');
  stats.admission('acme', { admit: false, reason: 'finish reason length' });
  stats.invalidated('acme', 2);

  expect(stats.report('acme')).toEqual({
    tenant_id: 'acme',
    since: '2031-01-01T00:00:00.000Z',
    lookups: 4,
    hits: { exact: 1, semantic: 1, total: 2 },
    misses: 2,
    joined: 1,
    hit_rate: 0.5,
    bypasses: { 'cache-control': 1 },
    admitted: 1,
    not_admitted: { 'finish reason length': 1 },
    invalidated: 2,
    saved: { input_tokens: 160, output_tokens: 25, total_tokens: 185, cost_usd: 0.00016 },
  });
});

test('tenants are counted apart; an unseen tenant has zeros and no hit rate', () => {
  const stats = new CacheStats();
  stats.hit('acme', 'exact', { inputTokens: 1, outputTokens: 1, costUsd: 0 });
  expect(stats.report('globex')).toMatchObject({ lookups: 0, hit_rate: null, hits: { total: 0 }, saved: { total_tokens: 0 } });
});
