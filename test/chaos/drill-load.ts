import { computeCostUsd } from '#libs/models';
import type { TestStack } from '../support/test-stack.js';

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
