import { performance } from 'node:perf_hooks';
import OpenAI from 'openai';
import { BENCH_API_KEY } from './bench-stack.js';

const QUESTION = 'What is the capital of France?';

/** The official client as the baseline uses it: no SDK retries, so every failure is counted. */
export function openAiClient(baseURL: string, apiKey: string): OpenAI {
  return new OpenAI({ baseURL, apiKey, maxRetries: 0, timeout: 60_000 });
}

/** One chat completion from the simulator itself, through the official client. */
export function directSender(simulatorUrl: string, model: string): () => Promise<void> {
  const client = openAiClient(`${simulatorUrl}/v1`, 'bench-direct');
  return async () => {
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: QUESTION }] });
    if (!completion.choices[0]?.message.content) throw new Error('the simulator answered without content');
  };
}

/**
 * One chat completion through the Ballast API (client → API → Temporal → worker → simulator),
 * through the same official client. Reports each workflow id and its latency to `onWorkflowId`.
 */
export function durableSender(apiUrl: string, model: string, onWorkflowId?: (id: string, latencyMs: number) => void): () => Promise<void> {
  const client = openAiClient(`${apiUrl}/v1`, BENCH_API_KEY);
  return async () => {
    const begin = performance.now();
    const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content: QUESTION }] });
    if (!completion.choices[0]?.message.content) throw new Error('the API answered without content');
    const workflowId = (completion as unknown as { ballast?: { workflow_id?: string } }).ballast?.workflow_id;
    if (workflowId) onWorkflowId?.(workflowId, performance.now() - begin);
  };
}

/** A plain fetch that must answer `expectStatus`; the body is read fully. */
export function fetchSender(url: string, init: RequestInit, expectStatus: number): () => Promise<void> {
  return async () => {
    const response = await fetch(url, init);
    await response.arrayBuffer();
    if (response.status !== expectStatus) throw new Error(`${url} answered ${response.status}, expected ${expectStatus}`);
  };
}

/** A JSON POST init. */
export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

export const CHAT_QUESTION = QUESTION;
