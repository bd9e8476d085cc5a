import type { BatchLineResult, BatchTiming } from './batch-run.js';
import type { PromptMessage } from './prompt-messages.js';
import type { SimulatedError } from './provider-errors.js';
import { DEFAULT_BATCH_COMPLETION_MS, type BatchBehaviour } from './scenario.js';
import { estimatePromptTokens, findContextOverflow, generateAnswer, type ContextOverflow } from './simulated-generation.js';
import type { SimulatorState } from './simulator-state.js';

/** A batch's behaviour with every default applied. */
export interface ResolvedBatchBehaviour extends BatchTiming {
  readonly failLines: BatchBehaviour['failLines'];
}

/** The `batch` settings of the scenario for `model` (its own, else `'*'`), defaults filled in. */
export function resolveBatchBehaviour(state: SimulatorState, model: string): ResolvedBatchBehaviour {
  const batch = state.scenarios.resolve(model).scenario.batch ?? {};
  return {
    completionMs: batch.completionMs ?? DEFAULT_BATCH_COMPLETION_MS,
    cancelMs: batch.cancelMs ?? 0,
    outcome: batch.outcome ?? 'completed',
    expireAfterLines: batch.expireAfterLines ?? 0,
    failLines: batch.failLines,
  };
}

/** The configured failure for line `index` (0-based) with this custom_id, if it is one of the failing lines. */
export function configuredLineFailure(behaviour: ResolvedBatchBehaviour, index: number, customId: string, model: string): SimulatedError | undefined {
  const rule = behaviour.failLines;
  if (!rule) return undefined;
  const byPosition = rule.every !== undefined && (index + 1) % rule.every === 0;
  const byId = (rule.customIds ?? []).some((id) => customId === id || customId.endsWith(`_${id}`));
  if (!byPosition && !byId) return undefined;
  return { status: rule.status ?? 500, model, ...(rule.message === undefined ? {} : { message: rule.message }), ...(rule.code === undefined ? {} : { code: rule.code }) };
}

/**
 * Answers one batch line the way the chat endpoints answer a call for that model's scenario:
 * the same context-window check, scripted replies (consumed in line order) and generated answer,
 * so tokens and usage match a synchronous call. Latency and chat faults do not apply.
 */
export function answerBatchLine(
  state: SimulatorState,
  line: { model: string; messages: readonly PromptMessage[]; maxTokens: number | undefined },
  contextError: (overflow: ContextOverflow) => SimulatedError,
): BatchLineResult {
  const active = state.scenarios.resolve(line.model);
  const overflow = findContextOverflow(active.scenario, estimatePromptTokens(line.messages), line.maxTokens);
  if (overflow) return { kind: 'failed', error: contextError(overflow) };
  const replies = active.scenario.replies;
  const reply = replies === undefined ? undefined : replies[Math.min(active.repliesGiven++, replies.length - 1)];
  const generation = generateAnswer({ model: line.model, messages: line.messages, scenario: active.scenario, maxTokens: line.maxTokens, ...(reply === undefined ? {} : { reply }) });
  return { kind: 'succeeded', generation };
}

/** Seconds since the epoch, as OpenAI timestamps are. */
export function unixSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** RFC 3339 with milliseconds, as Anthropic timestamps are. */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Batches and their files expire 24 h after creation at both providers. */
export const BATCH_EXPIRY_MS = 24 * 60 * 60 * 1000;

/** A page of a newest-first list by cursor ids, the way both providers paginate. */
export function pageNewestFirst<Item extends { id: string }>(
  items: readonly Item[],
  options: { limit: number; after?: string | undefined; before?: string | undefined },
): { page: Item[]; hasMore: boolean } {
  const newest = [...items].reverse();
  if (options.before !== undefined) {
    const end = newest.findIndex((item) => item.id === options.before);
    const upTo = end < 0 ? 0 : end;
    const start = Math.max(0, upTo - options.limit);
    return { page: newest.slice(start, upTo), hasMore: start > 0 };
  }
  const start = options.after === undefined ? 0 : newest.findIndex((item) => item.id === options.after) + 1;
  if (options.after !== undefined && start === 0) return { page: [], hasMore: false };
  const page = newest.slice(start, start + options.limit);
  return { page, hasMore: start + options.limit < newest.length };
}

/** A `limit` query parameter within the provider's bounds. */
export function readLimit(query: URLSearchParams, fallback: number, max: number): number {
  const raw = query.get('limit');
  const value = raw === null ? fallback : Number(raw);
  return Number.isInteger(value) ? Math.min(Math.max(value, 1), max) : fallback;
}
