import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationFailure } from '@temporalio/activity';
import type { RoutePlan } from '#libs/contracts';
import { CircuitBreakerRegistry, LlmError, type GenerateOptions, type GenerateResult } from '#libs/llm';
import { ModelCatalog } from '#libs/models';
import { createDatabase, SpendLedger, UsageRepository, type StoreDatabase } from '#libs/store';
import { judgeLedgerKey, runJudge, type JudgeClaimsDependencies, type JudgeClaimsInput } from './judge-claims.activity.js';

const SOURCE = 'Refunds are accepted within 30 days of delivery. Opened items are refunded as store credit only. Shipping fees are not refunded.';
/** One claim the fast checks support, one they leave undecided. */
const ANSWER = 'Refunds are accepted within 30 days of delivery [1]. You will not get the delivery charge back [1].';
const JUDGE_MODEL = 'gpt-4.1-nano';
const caller = { tenantId: 'acme', userId: 'ann', keyId: 'key-1' };

let directory: string;
let database: StoreDatabase;
let ledger: SpendLedger;
let calls: GenerateOptions[];
let reply: () => Promise<string>;
let breakers: CircuitBreakerRegistry;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'ballast-judge-'));
  database = await createDatabase({ url: `sqlite:${join(directory, 'ballast.db')}` });
  ledger = new SpendLedger(database.db, database.dialect);
  calls = [];
  reply = async () => JSON.stringify({ verdicts: [{ claim: 1, supported: true, source: '1', reason: 'Shipping fees are not refunded.' }] });
  breakers = new CircuitBreakerRegistry();
});

afterEach(async () => {
  await database.close();
  await rm(directory, { recursive: true, force: true });
});

function dependencies(overrides: Partial<JudgeClaimsDependencies> = {}): JudgeClaimsDependencies {
  const plan: RoutePlan = { route: JUDGE_MODEL, reason: 'named', estimatedInputTokens: 0, targets: [{ provider: 'openai', model: JUDGE_MODEL, maxAttempts: 3, contextWindow: 1_000_000 }] };
  return {
    chunks: { getByIds: async (_tenant: string, ids: readonly string[]) => ids.map((id) => ({ id, text: SOURCE })) } as unknown as JudgeClaimsDependencies['chunks'],
    models: {
      get: () => ({
        provider: 'openai',
        modelId: JUDGE_MODEL,
        generate: async (options: GenerateOptions): Promise<GenerateResult> => {
          calls.push(options);
          const content = await reply();
          return {
            content,
            finishReason: { unified: 'stop', raw: 'stop' },
            usage: { inputTokens: 400, outputTokens: 40, cachedInputTokens: undefined },
            warnings: [],
            response: { id: 'resp-1', modelId: JUDGE_MODEL, requestId: undefined, simulated: true },
          };
        },
      }),
      describe: () => ({ name: 'openai', kind: 'openai' }),
    },
    catalog: ModelCatalog.withOverrides([]),
    routes: { plan: () => plan },
    breakers,
    spend: { ledger, budgets: {} },
    ...overrides,
  };
}

const input = (overrides: Partial<JudgeClaimsInput> = {}): JudgeClaimsInput => ({
  requestId: 'req-1',
  tenantId: 'acme',
  answer: ANSWER,
  citations: [{ index: 1, chunkId: 'chunk-1' }],
  judge: { model: JUDGE_MODEL, maxClaims: 8, timeoutMs: 5_000 },
  caller,
  call: 0,
  fastDurationMs: 1.5,
  ...overrides,
});

const context = (attempt = 1) => ({ attempt, cancellationSignal: new AbortController().signal, warn: () => undefined });

async function usageCost(): Promise<{ requests: number; costUsd: number }> {
  const [group] = await new UsageRepository(database.db, database.dialect).query({ scope: { tenantId: 'acme' }, groupBy: 'model', from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) });
  return { requests: group?.requests ?? 0, costUsd: group?.costUsd ?? 0 };
}

test('the undecided claim follows the judge; the call is charged in the ledger under the judge key', async () => {
  const { check, judge } = await runJudge(dependencies(), input(), context());
  expect(calls).toHaveLength(1);
  expect(calls[0]?.idempotencyKey).toBe('req-1:validation-judge:0');
  expect(calls[0]?.messages[1]?.content).toMatch(/Claims:\n1\. You will not get the delivery charge back\.$/);
  expect(check).toMatchObject({ verdict: 'grounded', groundedness: 1, uncertainClaims: 0, undecidedClaims: 1, durationMs: 1.5 });
  expect(check.claims[1]).toMatchObject({ verdict: 'supported', reasons: expect.arrayContaining(['judge: Shipping fees are not refunded.']) });
  expect(judge).toMatchObject({ model: JUDGE_MODEL, provider: 'openai', servedBy: JUDGE_MODEL, calls: 1, claims: 1, changed: 1, inputTokens: 400, outputTokens: 40 });
  expect(judge.costUsd).toBeGreaterThan(0);
  expect(await ledger.findReservation(judgeLedgerKey('req-1', 0))).toMatchObject({ status: 'settled', actualUsd: judge.costUsd });
  expect(await usageCost()).toEqual({ requests: 1, costUsd: judge.costUsd });
});

test('a retry after a settled call (the worker died before completing) is not charged twice', async () => {
  const first = await runJudge(dependencies(), input(), context(1));
  const second = await runJudge(dependencies(), input(), context(2));
  expect(second.judge.costUsd).toBe(first.judge.costUsd);
  expect(await usageCost()).toEqual({ requests: 1, costUsd: first.judge.costUsd });
});

test('a provider failure is thrown for Temporal to retry, and its hold is released', async () => {
  reply = async () => {
    throw new LlmError({ kind: 'server-error', message: 'upstream 500', provider: 'openai', modelId: JUDGE_MODEL, statusCode: 500 });
  };
  const failure = await runJudge(dependencies(), input(), context()).catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(ApplicationFailure);
  expect(failure).toMatchObject({ type: 'server-error', nonRetryable: false });
  expect(await ledger.findReservation(judgeLedgerKey('req-1', 0))).toMatchObject({ status: 'released' });
  // The retry holds again and settles once.
  reply = async () => JSON.stringify({ verdicts: [{ claim: 1, supported: false, source: null, reason: 'Not stated.' }] });
  const { check, judge } = await runJudge(dependencies(), input(), context(2));
  expect(check.claims[1]?.verdict).toBe('unsupported');
  expect(await usageCost()).toEqual({ requests: 1, costUsd: judge.costUsd });
});

test('an unusable reply leaves the fast verdicts, says why, and is charged (the call happened)', async () => {
  reply = async () => 'Looks fine to me.';
  const { check, judge } = await runJudge(dependencies(), input(), context());
  expect(check.claims[1]?.verdict).toBe('uncertain');
  expect(check.uncertainClaims).toBe(1);
  expect(judge.error).toMatch(/^unusable judge response \(not-json\)/);
  expect(judge.costUsd).toBeGreaterThan(0);
  expect(await usageCost()).toEqual({ requests: 1, costUsd: judge.costUsd });
});

test('a spending cap, an unknown model or an open circuit is reported, never thrown, and no call is made', async () => {
  const capped = await runJudge(dependencies({ spend: { ledger, budgets: { tenants: { acme: { dailyUsd: 0.000001 } } } } }), input(), context());
  expect(capped.judge.error).toMatch(/^budget-exceeded: /);
  expect(capped.check.claims[1]?.verdict).toBe('uncertain');

  const unknown = await runJudge(dependencies({ routes: { plan: () => ({ route: 'x', reason: 'x', estimatedInputTokens: 0, targets: [] }) } }), input(), context());
  expect(unknown.judge.error).toMatch(/has no target/);

  for (let failure = 0; failure < 5; failure += 1) breakers.get('openai').recordFailure('server-error');
  const open = await runJudge(dependencies(), input(), context());
  expect(open.judge.error).toBe('circuit open for provider openai');
  expect(calls).toHaveLength(0);
});

test('nothing undecided: no call; maxClaims sends the most undecided claims only', async () => {
  const decided = await runJudge(dependencies(), input({ answer: 'Refunds are accepted within 30 days of delivery [1].' }), context());
  expect(decided.judge).toMatchObject({ calls: 0, claims: 0, costUsd: 0 });
  expect(calls).toHaveLength(0);

  const many = 'You will not get the delivery charge back [1]. Opened things come back as credit [1]. Postage is kept by the shop [1].';
  reply = async () => JSON.stringify({ verdicts: [{ claim: 1, supported: true, source: '1', reason: 'Stated.' }] });
  const capped = await runJudge(dependencies(), input({ answer: many, judge: { model: JUDGE_MODEL, maxClaims: 1, timeoutMs: 5_000 } }), context());
  expect(capped.judge.claims).toBe(1);
  expect(calls[0]?.messages[1]?.content).toMatch(/Claims:\n1\. [^\n]+$/);
  expect(capped.check.undecidedClaims).toBeGreaterThan(1);
});
