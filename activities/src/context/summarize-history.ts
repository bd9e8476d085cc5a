import { createHash } from 'node:crypto';
import type { ChatMessage, RouteTarget } from '#libs/contracts';
import type { TokenCounter } from '#libs/context';
import { computeCostUsd, type ModelCatalog } from '#libs/models';
import type { ConversationSummariesRepository } from '#libs/store';
import type { ModelRegistry } from '../chat/model-registry.js';

/** What summarising dropped turns needs. */
export interface SummarizeHistoryDependencies {
  readonly summaries: Pick<ConversationSummariesRepository, 'candidates' | 'save'>;
  readonly models: ModelRegistry;
  readonly catalog: ModelCatalog;
}

/** The turns that no longer fit, and where the summary goes. */
export interface SummarizeHistoryInput {
  readonly requestId: string;
  readonly tenantId: string;
  /** The caller's `ballast.conversation_id`, else derived from the conversation's first message. */
  readonly conversationKey: string;
  /** Dropped turns, oldest first (always a prefix of the conversation). */
  readonly dropped: readonly ChatMessage[];
  readonly target: RouteTarget;
  readonly maxTokens: number;
  readonly counter: TokenCounter;
  readonly abortSignal?: AbortSignal;
}

/** The summary put into the prompt, and what it cost. */
export interface HistorySummary {
  readonly summary: string;
  readonly tokens: number;
  readonly costUsd: number;
  /** Taken from the store: no model call was made. */
  readonly cached: boolean;
  /** Turns summarised by this call (0 when cached): the rolling part. */
  readonly newMessages: number;
}

const INSTRUCTIONS =
  'Summarise this earlier part of a conversation so the assistant can continue it: who wants what, decisions made, ' +
  'facts given (numbers, names, dates verbatim) and open questions. Plain prose, no preamble.';

/**
 * A rolling summary of the turns dropped from the window: the stored summary of the longest
 * prefix of them is reused, and only the turns dropped since are folded in with one model call;
 * the result is stored for the next request of the conversation (and for a retried attempt).
 */
export async function summarizeDroppedHistory(dependencies: SummarizeHistoryDependencies, input: SummarizeHistoryInput): Promise<HistorySummary> {
  const hashOf = (count: number) =>
    createHash('sha256')
      .update(JSON.stringify(input.dropped.slice(0, count).map((message) => [message.role, message.content])))
      .digest('hex');
  const candidates = await dependencies.summaries.candidates(input.tenantId, input.conversationKey, input.dropped.length);
  const previous = candidates.find((candidate) => candidate.coveredHash === hashOf(candidate.coveredMessages));
  if (previous !== undefined && previous.coveredMessages === input.dropped.length) {
    return { summary: previous.summary, tokens: previous.tokens, costUsd: 0, cached: true, newMessages: 0 };
  }
  const newTurns = input.dropped.slice(previous?.coveredMessages ?? 0);
  const transcript = newTurns.map((message) => `${message.role}: ${message.content}`).join('\n\n');
  const text = previous ? `Summary of the conversation so far:\n${previous.summary}\n\nLater messages:\n${transcript}` : transcript;
  const model = dependencies.models.get(input.target.provider, input.target.model);
  const result = await model.generate({
    messages: [
      { role: 'system', content: INSTRUCTIONS },
      { role: 'user', content: text },
    ],
    settings: { maxOutputTokens: input.maxTokens, temperature: 0 },
    idempotencyKey: `${input.requestId}:history-summary:${input.dropped.length}`,
    ...(input.abortSignal ? { abortSignal: input.abortSignal } : {}),
  });
  const summary = result.content.trim();
  const tokens = input.counter.count(summary);
  await dependencies.summaries.save(input.tenantId, input.conversationKey, { coveredMessages: input.dropped.length, coveredHash: hashOf(input.dropped.length), summary, tokens });
  const entry = dependencies.catalog.find(input.target.model);
  return { summary, tokens, costUsd: entry ? computeCostUsd(entry, result.usage).costUsd : 0, cached: false, newMessages: newTurns.length };
}

/** The key a conversation's summaries are stored under. */
export function conversationKey(conversationId: string | undefined, messages: readonly ChatMessage[]): string {
  if (conversationId !== undefined) return `id:${conversationId}`;
  const first = messages.find((message) => message.role !== 'system');
  return `first:${createHash('sha256').update(`${first?.role ?? ''}\u0000${first?.content ?? ''}`).digest('hex').slice(0, 32)}`;
}
