import { expectNothingLostNothingDoubled, sendDrillLoad, settledUsage, useDrillStack } from './drill-load.js';

/**
 * Chaos drills against the provider side, under concurrent load through the whole stack (API →
 * Temporal → worker → simulator): a 429 storm, the primary provider hard down, a slow provider
 * whose calls time out. Each asserts zero lost requests (every one answered) and zero double
 * charges (each answer costs exactly its tokens' price, and the ledger settled exactly the
 * answers). `npm run chaos` runs these with the process drills and prints a table.
 */
const REQUESTS = 40;
const CONCURRENCY = 8;

// Attempts time out after 1.5 s: the slow-provider drill depends on it, the others never come near it.
const drill = useDrillStack({ attemptTimeoutMs: 1_500, heartbeatTimeoutMs: 1_000 });
// Usage is per tenant and day: each drill compares against what the previous ones left.
let settledBefore = { requests: 0, costUsd: 0 };
// Simulator counters are cumulative too.
let primarySuccessesBefore = 0;
const primarySuccesses = (): number => drill.stack.simulator.stats().models['gpt-4.1-mini']?.successes ?? 0;

beforeEach(async () => {
  drill.stack.simulator.resetScenarios();
  settledBefore = await settledUsage(drill.stack, 'tenant-a');
  primarySuccessesBefore = primarySuccesses();
});

test('429 storm: half the primary calls rate-limited, every request answered and billed once', async () => {
  drill.stack.simulator.setScenario('gpt-4.1-mini', { faults: [{ kind: 'status', status: 429, rate: 0.5, retryAfterMs: 50 }] });
  const answers = await sendDrillLoad(drill.stack, { requests: REQUESTS, concurrency: CONCURRENCY, tag: '429-storm' });
  await expectNothingLostNothingDoubled(drill.stack, answers, REQUESTS, settledBefore);
  // The storm was real: requests needed more than one attempt.
  expect(answers.reduce((sum, answer) => sum + answer.attempts, 0)).toBeGreaterThan(REQUESTS);
  // The provider answered (and would bill) exactly the calls Ballast charged for.
  expect(primarySuccesses() - primarySuccessesBefore).toBe(answers.filter((answer) => answer.model === 'gpt-4.1-mini').length);
}, 120_000);

test('primary provider hard down: every request falls back to the next provider, billed at its price once', async () => {
  drill.stack.simulator.setScenario('gpt-4.1-mini', { faults: [{ kind: 'status', status: 503 }] });
  const answers = await sendDrillLoad(drill.stack, { requests: REQUESTS, concurrency: CONCURRENCY, tag: 'primary-down' });
  await expectNothingLostNothingDoubled(drill.stack, answers, REQUESTS, settledBefore);
  expect(new Set(answers.map((answer) => answer.model))).toEqual(new Set(['claude-haiku-4-5']));
  expect(primarySuccesses() - primarySuccessesBefore).toBe(0);
}, 120_000);

test('slow provider (p99 30 s): calls past the attempt timeout are retried or fall back, none lost or billed twice', async () => {
  drill.stack.simulator.setScenario('gpt-4.1-mini', { latencyMs: { distribution: 'lognormal', median: 60, p99: 30_000 } });
  const answers = await sendDrillLoad(drill.stack, { requests: REQUESTS, concurrency: CONCURRENCY, tag: 'slow-provider' });
  await expectNothingLostNothingDoubled(drill.stack, answers, REQUESTS, settledBefore);
  // Some calls were slower than the 1.5 s attempt timeout and had to be tried again.
  expect(answers.some((answer) => answer.attempts > 1)).toBe(true);
}, 180_000);
