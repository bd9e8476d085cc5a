import { computeCostUsd } from '#libs/models';
import { startTestStack, type TestStack } from '../support/test-stack.js';

/** One answered request of a drill, as the client saw it. */
export interface DrillAnswer {
  readonly status: number;
  readonly model: string;
  readonly costUsd: number;
  readonly expectedCostUsd: number;
  readonly successfulAttempts: number;
  readonly attempts: number;
  readonly problem?: string;
}

interface ChatBody {
  readonly model: string;
  readonly usage: { prompt_tokens: number; completion_tokens: number };
  readonly ballast: { cost_usd: number; route: { attempts: Array<{ outcome: string }> } };
  readonly type?: string;
  readonly detail?: string;
}

/**
 * Sends `requests` chat completions, `concurrency` at a time, each with a distinct question (no
 * cache can join them), and reads back what every one cost against the price of the tokens its
 * answering model reported.
 */
export async function sendDrillLoad(stack: TestStack, options: { readonly requests: number; readonly concurrency: number; readonly tag: string }): Promise<DrillAnswer[]> {
  const answers: DrillAnswer[] = [];
  let next = 0;
  const client = async () => {
    while (next < options.requests) {
      const index = next;
      next += 1;
      const response = await stack.api('/v1/chat/completions', {
        json: { model: 'simple', messages: [{ role: 'user', content: `Drill ${options.tag} question ${index}: what keeps a request durable?` }] },
      });
      const body = (await response.json()) as ChatBody;
      if (response.status !== 200) {
        answers.push({ status: response.status, model: '', costUsd: 0, expectedCostUsd: 0, successfulAttempts: 0, attempts: 0, problem: `${body.type ?? ''}: ${body.detail ?? ''}` });
        continue;
      }
      const price = computeCostUsd(stack.config.catalog.get(body.model), { inputTokens: body.usage.prompt_tokens, outputTokens: body.usage.completion_tokens, cachedInputTokens: undefined });
      answers.push({
        status: response.status,
        model: body.model,
        costUsd: body.ballast.cost_usd,
        expectedCostUsd: price.costUsd,
        successfulAttempts: body.ballast.route.attempts.filter((attempt) => attempt.outcome === 'success').length,
        attempts: body.ballast.route.attempts.length,
      });
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, client));
  return answers;
}

/** The tenant's usage today, summed over models: requests and dollars the ledger settled. */
export async function settledUsage(stack: TestStack, tenantId: string): Promise<{ requests: number; costUsd: number }> {
  const today = new Date(new Date().toISOString().slice(0, 10));
  const rows = await stack.rag.usage.query({ scope: { tenantId }, groupBy: 'model', from: today, to: new Date(Date.now() + 86_400_000) });
  return rows.reduce((sum, row) => ({ requests: sum.requests + row.requests, costUsd: sum.costUsd + row.costUsd }), { requests: 0, costUsd: 0 });
}

/** The timeouts a drill is about: how long one provider attempt may take, and how long without a heartbeat a call is presumed dead. */
export interface DrillTimeouts {
  readonly attemptTimeoutMs: number;
  readonly heartbeatTimeoutMs: number;
}

/**
 * Starts the full stack for one drill file before its tests and stops it after them. Only the
 * timeouts differ between drills; the request timeout stays generous so that a drill's
 * retries and fallbacks, not the client's patience, decide each request.
 */
export function useDrillStack(timeouts: DrillTimeouts): { readonly stack: TestStack } {
  let started: TestStack | undefined;
  beforeAll(async () => {
    started = await startTestStack({ config: { server: { port: 0, ...timeouts, requestTimeoutMs: 60_000 } } });
  }, 120_000);
  afterAll(async () => {
    await started?.stop();
  }, 60_000);
  return {
    get stack(): TestStack {
      if (started === undefined) throw new Error('the drill stack is used before beforeAll started it');
      return started;
    },
  };
}

/**
 * A drill's two promises: zero lost (every request answered) and zero double charges (each
 * answer costs exactly its tokens' price, and the ledger settled exactly these answers since
 * `settledBefore`).
 */
export async function expectNothingLostNothingDoubled(stack: TestStack, answers: readonly DrillAnswer[], requests: number, settledBefore: { readonly requests: number; readonly costUsd: number }): Promise<void> {
  expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
  expect(answers).toHaveLength(requests);
  for (const answer of answers) {
    expect(answer.successfulAttempts).toBe(1);
    expect(answer.costUsd).toBeCloseTo(answer.expectedCostUsd, 9);
  }
  const settled = await settledUsage(stack, 'tenant-a');
  expect(settled.requests - settledBefore.requests).toBe(requests);
  expect(settled.costUsd - settledBefore.costUsd).toBeCloseTo(
    answers.reduce((sum, answer) => sum + answer.costUsd, 0),
    9,
  );
}
