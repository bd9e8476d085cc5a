/**
 * Realistic trace drafts for `bench/observability.ts`, built by the product's own builders
 * (`answeredTrace`, `failedTrace`, `cacheHitTrace`) from seeded chat requests and results:
 * a 4-message prompt of ~1.3–1.9 KB with an e-mail address (some with a phone number), an answer
 * of ~500 characters, and attempts as the workflow reports them.
 */
import type { AttemptRecord, ChatFailure, ChatMessage, ChatRequest, ChatResult } from '#libs/contracts';
import { answeredTrace, cacheHitTrace, failedTrace, type ChatTraceBase } from '../apps/api/src/observability/chat-trace-drafts.js';
import type { TraceDraft } from '../apps/api/src/observability/trace-draft.js';

const DAY_MS = 86_400_000;

/** A small, fast, seeded PRNG (mulberry32): the same seed builds the same data set. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Target {
  readonly provider: string;
  readonly model: string;
  /** USD per million input and output tokens. */
  readonly inputPerM: number;
  readonly outputPerM: number;
}

const TARGETS: Record<string, Target> = {
  mini: { provider: 'openai', model: 'gpt-4.1-mini', inputPerM: 0.4, outputPerM: 1.6 },
  large: { provider: 'openai', model: 'gpt-4.1', inputPerM: 2, outputPerM: 8 },
  haiku: { provider: 'anthropic', model: 'claude-3-5-haiku', inputPerM: 0.8, outputPerM: 4 },
  sonnet: { provider: 'anthropic', model: 'claude-sonnet-4', inputPerM: 3, outputPerM: 15 },
};

/** Routes with their first target and fallback, and how often each is used. */
const ROUTES: readonly { readonly name: string; readonly weight: number; readonly primary: Target; readonly fallback: Target; readonly auto: boolean }[] = [
  { name: 'simple', weight: 0.45, primary: TARGETS['mini']!, fallback: TARGETS['haiku']!, auto: true },
  { name: 'complex', weight: 0.25, primary: TARGETS['large']!, fallback: TARGETS['sonnet']!, auto: true },
  { name: 'support-rag', weight: 0.2, primary: TARGETS['sonnet']!, fallback: TARGETS['large']!, auto: false },
  { name: 'code', weight: 0.1, primary: TARGETS['large']!, fallback: TARGETS['sonnet']!, auto: false },
];

export const TENANTS: readonly { readonly id: string; readonly weight: number }[] = [
  { id: 'acme', weight: 0.35 },
  { id: 'globex', weight: 0.25 },
  { id: 'initech', weight: 0.2 },
  { id: 'umbrella', weight: 0.12 },
  { id: 'hooli', weight: 0.08 },
];
const USERS_PER_TENANT = 8;

const SYSTEM_PROMPTS = [
  'You are the customer support assistant of an online retailer. Answer politely and concisely, in the language of the customer. ' +
    'Only use the order data and policies given below; when something is not in them, say so and offer to open a ticket. Never promise refunds ' +
    'above the policy limit, never ask for full card numbers, and never reveal internal notes. Refund policy: items may be returned within 30 days ' +
    'of delivery in their original packaging; shipping costs are refunded only when the item arrived damaged or was not what was ordered. ' +
    'Escalate to a human agent when the customer is angry, mentions a lawyer, or asks three times for the same thing.',
  'You are an internal assistant for the finance team. Explain expense rules precisely and cite the policy section you rely on, like [3.2]. ' +
    'Policy 3.1: hotel stays are reimbursed up to the city limit per night (London 220 GBP, Paris 190 EUR, New York 320 USD). Policy 3.2: meals are ' +
    'reimbursed up to 60 per day on travel days; alcohol is never reimbursed. Policy 3.4: taxis are reimbursed when no public transport runs or ' +
    'when carrying equipment. If the question needs an exception, tell the employee to ask their manager and name the form (EXP-7).',
  'You are a senior software engineer reviewing code for a payments team. Point out bugs, race conditions and missing error handling first, ' +
    'then style. Keep each remark short and actionable, quote the line you mean, and propose the fix as a code block. Assume TypeScript on Node 20 ' +
    'with strict mode, PostgreSQL through Kysely, and idempotent handlers for every webhook. Do not rewrite the whole function unless asked; ' +
    'never suggest disabling type checks or catching and ignoring errors.',
];

const FIRST_NAMES = ['Jane', 'Omar', 'Li', 'Priya', 'Lukas', 'Sofia', 'Kwame', 'Mei', 'Diego', 'Anna', 'Tomasz', 'Aisha'];
const LAST_NAMES = ['Doe', 'Haddad', 'Wang', 'Patel', 'Becker', 'Rossi', 'Mensah', 'Tanaka', 'Garcia', 'Nowak', 'Khan', 'Smith'];
const PRODUCTS = ['espresso machine', 'standing desk', 'noise-cancelling headphones', 'hiking backpack', 'air purifier', 'mechanical keyboard', 'office chair', 'robot vacuum'];
const ISSUES = [
  'arrived with a cracked lid and the box was wet',
  'stopped working after two days and now only blinks red',
  'is a different colour than the one I ordered',
  'was delivered to my neighbour instead of to me',
  'is missing the power adapter that the product page mentions',
];

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

function weighted<T extends { readonly weight: number }>(random: () => number, values: readonly T[]): T {
  let roll = random();
  for (const value of values) {
    roll -= value.weight;
    if (roll < 0) return value;
  }
  return values[values.length - 1] as T;
}

function hex(random: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += Math.floor(random() * 0x1_0000_0000).toString(16).padStart(8, '0');
  return text.slice(0, length);
}

/** Log-normal around `median` (spread `sigma`), for latencies. */
function logNormal(random: () => number, median: number, sigma: number): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  return median * Math.exp(sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
}

/** A support conversation: system, an earlier turn and its answer, the new question (e-mail, sometimes a phone number). */
function conversation(random: () => number, index: number): { messages: ChatMessage[]; answer: string } {
  const first = pick(random, FIRST_NAMES);
  const last = pick(random, LAST_NAMES);
  const product = pick(random, PRODUCTS);
  const issue = pick(random, ISSUES);
  const order = 100_000 + Math.floor(random() * 900_000);
  const email = `${first.toLowerCase()}.${last.toLowerCase()}${index % 97}@example.com`;
  const phone = random() < 0.3 ? ` You can also call me on +44 20 7946 ${String(1000 + Math.floor(random() * 9000))}.` : '';
  const messages: ChatMessage[] = [
    { role: 'system', content: pick(random, SYSTEM_PROMPTS) },
    {
      role: 'user',
      content: `Hello, I ordered a ${product} last week (order #${order}) and it ${issue}. What are my options? I would prefer a replacement over a refund if one is in stock.`,
    },
    {
      role: 'assistant',
      content:
        `I am sorry to hear that your ${product} ${issue}. Order #${order} is within the 30-day return window, so you can choose a replacement or a refund. ` +
        'A replacement is in stock and would ship within two working days once we receive the original item; the return label is free because the item is not as ordered.',
    },
    {
      role: 'user',
      content: `Please go ahead with the replacement and send the return label to ${email}.${phone} Also, can you confirm that I will not be charged twice for shipping? Thanks, ${first} ${last}`,
    },
  ];
  const answer =
    `Thank you, ${first}. I have requested a replacement ${product} for order #${order} and the prepaid return label will be e-mailed to the address you gave within the hour. ` +
    'Please pack the original item in its box, attach the label, and drop it at any parcel point within 14 days. The replacement ships as soon as the carrier scans your parcel, ' +
    'usually within two working days, and you will not be charged for shipping either way: the original shipping fee is refunded automatically because the item was not as ordered. ' +
    `Your case number is C-${order % 10_000}.`;
  return { messages, answer };
}

/** What a request that ended as `status` looked like; `attemptCount` forces the attempts of an answer (1–3). */
export interface DraftSpec {
  readonly index: number;
  readonly createdAt: Date;
  readonly status: 'ok' | 'error' | 'rejected' | 'cache-hit';
  readonly attemptCount?: 1 | 2 | 3;
  readonly groundedness?: number;
}

/** Everything needed to build one draft, prepared ahead so the product's builder can be timed alone. */
export interface DraftInputs {
  readonly spec: DraftSpec;
  readonly base: ChatTraceBase;
  readonly result?: ChatResult;
  readonly failure?: ChatFailure;
  readonly cacheHit?: Parameters<typeof cacheHitTrace>[1];
}

/** Builds the chat request, result or failure of one trace (not the draft: see `buildDraft`). */
export function draftInputs(random: () => number, spec: DraftSpec): DraftInputs {
  const route = weighted(random, ROUTES);
  const tenant = weighted(random, TENANTS);
  const user = Math.floor(random() * USERS_PER_TENANT);
  const { messages, answer } = conversation(random, spec.index);
  const requestId = `req_${hex(random, 32)}`;
  const promptChars = messages.reduce((sum, message) => sum + message.content.length, 0);
  const request: ChatRequest = {
    requestId,
    model: route.auto && random() < 0.7 ? 'auto' : route.name,
    messages,
    settings: { temperature: 0.2, maxOutputTokens: 400 },
    caller: { tenantId: tenant.id, userId: `${tenant.id}-user-${user}`, keyId: `key_${tenant.id}_${user % 3}` },
    receivedAt: spec.createdAt.toISOString(),
  };
  const promptTemplate = random() < 0.3 ? { id: `${route.name}-template`, version: `v${1 + Math.floor(random() * 3)}` } : undefined;
  const workflowId = `chat-${requestId}`;
  const started = spec.createdAt.getTime();
  const attempt = (target: Target, number: number, outcome: AttemptRecord['outcome'], latencyMs: number, error?: { kind: string; status: number; message: string }): AttemptRecord => ({
    provider: target.provider,
    model: target.model,
    attempt: number,
    outcome,
    startedAt: new Date(started + 5).toISOString(),
    latencyMs: Math.round(latencyMs * 1000) / 1000,
    ...(error === undefined ? {} : { errorKind: error.kind, statusCode: error.status, message: error.message }),
  });
  const rateLimited = { kind: 'rate-limited', status: 429, message: 'Rate limit reached for requests per minute. Please try again in 1.2s.' };
  const serverError = { kind: 'server-error', status: 503, message: 'The server is overloaded or not ready yet.' };

  if (spec.status === 'rejected') {
    const base: ChatTraceBase = { request, latencyMs: 3 + random() * 4, workflowId, ...(promptTemplate ? { promptTemplate } : {}) };
    const failure: ChatFailure = { code: 'budget-exceeded', message: 'tenant daily cap reached', httpStatus: 402, attempts: [], route: route.name, workflowRunId: hex(random, 32) };
    return { spec, base, failure };
  }
  if (spec.status === 'error') {
    const attempts = [attempt(route.primary, 1, 'error', 2_000 + random() * 8_000, serverError), attempt(route.primary, 2, 'error', 2_000 + random() * 8_000, serverError), attempt(route.fallback, 1, 'error', 1_000 + random() * 4_000, rateLimited)];
    const latencyMs = attempts.reduce((sum, one) => sum + one.latencyMs, 0) + 400;
    const base: ChatTraceBase = { request, latencyMs, workflowId, ...(promptTemplate ? { promptTemplate } : {}) };
    const failure: ChatFailure = { code: 'all-targets-failed', message: 'every target failed', httpStatus: 502, attempts, route: route.name, workflowRunId: hex(random, 32), providerMessage: rateLimited.message };
    return { spec, base, failure };
  }
  const count = spec.attemptCount ?? (random() < 0.85 ? 1 : random() < 0.67 ? 2 : 3);
  const answerLatency = logNormal(random, route.name === 'simple' ? 650 : 1_400, 0.5);
  const attempts =
    count === 1
      ? [attempt(route.primary, 1, 'success', answerLatency)]
      : count === 2
        ? [attempt(route.primary, 1, 'error', 300 + random() * 900, rateLimited), attempt(route.primary, 2, 'success', answerLatency)]
        : [attempt(route.primary, 1, 'error', 300 + random() * 900, rateLimited), attempt(route.primary, 2, 'error', 5_000 + random() * 5_000, serverError), attempt(route.fallback, 1, 'success', answerLatency)];
  const answering = count === 3 ? route.fallback : route.primary;
  const inputTokens = Math.round(promptChars / 4);
  const outputTokens = Math.round(answer.length / 4);
  const costUsd = Math.round(((inputTokens * answering.inputPerM + outputTokens * answering.outputPerM) / 1e6) * 1e9) / 1e9;
  if (spec.status === 'cache-hit') {
    const exact = random() < 0.8;
    const cacheHit = {
      model: answering.model,
      choices: [{ message: { content: answer } }],
      // No answer validation on the stored answer (the field the builder reads for groundedness).
      ballast: { route: { name: route.name }, cache: { status: exact ? 'hit-exact' : 'hit-semantic' }, validation: null },
    } as unknown as Parameters<typeof cacheHitTrace>[1];
    return { spec, base: { request, latencyMs: logNormal(random, 3, 0.4), ...(promptTemplate ? { promptTemplate } : {}) }, cacheHit };
  }
  const latencyMs = attempts.reduce((sum, one) => sum + one.latencyMs, 0) + 30 + random() * 40;
  const result: ChatResult = {
    requestId,
    route: route.name,
    routeReason: 'classifier',
    attempts,
    response: {
      provider: answering.provider,
      model: answering.model,
      responseId: `resp_${hex(random, 24)}`,
      content: answer,
      finishReason: 'stop',
      usage: { inputTokens, outputTokens, cachedInputTokens: random() < 0.3 ? Math.round(inputTokens * 0.4) : 0 },
      costUsd,
      simulated: false,
      citations: [],
    },
    costUsd,
    citations: [],
    steps: [],
    completedAt: new Date(started + latencyMs).toISOString(),
    workflowRunId: hex(random, 32),
  };
  return { spec, base: { request, latencyMs, workflowId, ...(promptTemplate ? { promptTemplate } : {}) }, result };
}

/** The product's draft for the inputs (what `ChatService` does when a request ends). */
export function buildDraft(inputs: DraftInputs): TraceDraft {
  const { spec, base } = inputs;
  if (inputs.cacheHit !== undefined) return cacheHitTrace(base, inputs.cacheHit);
  if (inputs.failure !== undefined) return failedTrace(base, inputs.failure, 'miss');
  const draft = answeredTrace(base, inputs.result as ChatResult, 'miss');
  return spec.groundedness === undefined ? draft : { ...draft, groundedness: spec.groundedness };
}

/** The statuses of the 100k data set: ~2% errors, ~0.3% refusals, ~20% cache hits, the rest answers (5% of them scored for groundedness). */
export function datasetSpec(random: () => number, index: number, total: number, now: number, days: number): DraftSpec {
  // Oldest first, as a live system writes them; the window ends a minute before `now` and starts an hour inside `days`.
  const span = days * DAY_MS - 3_600_000 - 60_000;
  const createdAt = new Date(now - 60_000 - span + Math.floor(((index + random()) / total) * span));
  const roll = random();
  const status = roll < 0.02 ? 'error' : roll < 0.023 ? 'rejected' : roll < 0.223 ? 'cache-hit' : 'ok';
  const groundedness = status === 'ok' && random() < 0.05 ? Math.round((0.3 + random() * 0.7) * 1000) / 1000 : undefined;
  return { index, createdAt, status, ...(groundedness === undefined ? {} : { groundedness }) };
}

/** Bytes of a draft's prompt and answer text (UTF-16 code units = bytes for this ASCII text). */
export function contentChars(draft: TraceDraft): { prompt: number; response: number } {
  return { prompt: draft.rawPrompt.reduce((sum, message) => sum + message.content.length, 0), response: draft.rawResponse?.length ?? 0 };
}
