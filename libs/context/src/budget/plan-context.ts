import type { ChatMessage } from '#libs/contracts';
import type { ChunkAnalysisCache } from '../compress/analyze-chunk.js';
import { REPLY_PRIMING_TOKENS, type TokenCounter } from '../tokens/token-counter.js';
import type { ContextBudgetPolicy } from './budget-policy.js';
import type { ContextDrop, ContextPlan, RetrievedDocument } from './context-report.js';
import { fitDocuments } from './fit-documents.js';
import { fitHistory, measureHistory } from './fit-history.js';
import { prepareDocuments } from './prepare-documents.js';
import { resolveSectionBudgets } from './resolve-section-budgets.js';

/** Everything a prompt is built from, and the limits it must meet. */
export interface PlanContextInput {
  readonly counter: TokenCounter;
  /** The target model's context window, in tokens. */
  readonly window: number;
  readonly policy: ContextBudgetPolicy;
  readonly system: readonly ChatMessage[];
  /** Earlier turns, oldest first, without the current query. */
  readonly history: readonly ChatMessage[];
  /** The current user message. */
  readonly query: ChatMessage;
  /** Retrieved chunks; pass their ingestion-time counts (`tokens`, `tokenEncoding`) to spare counting them. */
  readonly documents: readonly RetrievedDocument[];
  /** The request's own output limit; replaces the policy's output budget. */
  readonly maxOutputTokens?: number;
  /** USD per million input tokens, to report what compression saved. */
  readonly inputPricePerMillion?: number;
  /** Tokens each document costs besides its text (citation label, separators). */
  readonly documentOverheadTokens?: number;
  /** Where compression remembers chunk analyses; default: the process-wide cache. */
  readonly analysisCache?: ChunkAnalysisCache;
}

/** Default cost of a document's citation label and separators. */
export const DEFAULT_DOCUMENT_OVERHEAD_TOKENS = 8;

/**
 * Decides what of a request goes into the prompt. In order:
 * 1. A current message above the route's limit is `oversized-input`, never truncated.
 * 2. System instructions (never cut), the query and the output reservation above the window are
 *    `too-large`, with the numbers for a 413 or for choosing a larger-window target.
 * 3. Otherwise documents (compressed first when the policy enables it) and history share what
 *    is left. When both fit, both are kept whole whatever their budgets say; when they do not,
 *    the room is split by their budgets and a section that needs less than its share gives the
 *    rest to the other. History drops its oldest turns whole; documents drop the lowest-ranked
 *    whole and trim the last kept one at a sentence end.
 * Compressed documents are planned with estimated token figures while the prompt would fit even
 * at their upper bounds, and counted exactly when it comes closer to the window than that
 * (`prepareDocuments`): the planned prompt never exceeds the window.
 * Pure and deterministic: no clock, no randomness, no I/O.
 */
export function planContext(input: PlanContextInput): ContextPlan {
  const { counter, window, policy } = input;
  if (!Number.isInteger(window) || window <= 0) throw new RangeError(`window must be a positive integer, got ${window}`);
  const budget = resolveSectionBudgets(policy, window);
  const outputTokens = input.maxOutputTokens ?? budget.output;
  const queryTokens = counter.countMessage(input.query) + REPLY_PRIMING_TOKENS;

  const limit = policy.maxQueryTokens ?? budget.query;
  if (queryTokens > limit) return { kind: 'oversized-input', queryTokens, limit, action: policy.oversizedInput };

  const historyTokens = measureHistory(input.history, counter);
  const systemTokens = input.system.reduce((sum, message) => sum + counter.countMessage(message), 0) + historyTokens.pinned;
  const needed = systemTokens + queryTokens + outputTokens;
  if (needed > window) return { kind: 'too-large', systemTokens, queryTokens, outputTokens, window, needed };

  const overhead = input.documentOverheadTokens ?? DEFAULT_DOCUMENT_OVERHEAD_TOKENS;
  const available = window - needed;
  const { candidates, compressed, compressionDrops } = prepareDocuments(input, available - historyTokens.turns, overhead);
  const documentNeed = candidates.reduce((sum, candidate) => sum + candidate.tokens + overhead, 0);
  const split = splitRoom(available, documentNeed, historyTokens.turns, budget.documents, budget.history);

  let history = fitHistory(input.history, split.history, counter);
  let reservedTokens = 0;
  if (policy.historySummary && history.droppedMessages.length > 0) {
    reservedTokens = Math.min(policy.historySummaryTokens, split.history);
    history = fitHistory(input.history, split.history - reservedTokens, counter);
  }
  // Whatever history leaves unused flows to the documents.
  const documentAllocation = available - history.keptTokens - reservedTokens;
  const documents = fitDocuments(candidates, documentAllocation, counter, overhead);

  const dropped: ContextDrop[] = [...history.dropped, ...compressionDrops, ...documents.dropped];
  const summarize = policy.historySummary && history.droppedMessages.length > 0;
  return {
    kind: 'fits',
    messages: [...input.system, ...history.kept, input.query],
    documents: documents.kept.map((candidate) => candidate.document),
    historyToSummarize: summarize ? history.droppedMessages : [],
    report: {
      window,
      budget,
      allocated: { documents: documentAllocation, history: split.history },
      used: { system: systemTokens, documents: documents.keptTokens, history: history.keptTokens, query: queryTokens, output: outputTokens },
      dropped,
      trimmed: documents.trimmed,
      ...(compressed === undefined ? {} : { compressed }),
      ...(summarize ? { summarized: { messages: history.droppedMessages.length, tokens: history.dropped.reduce((sum, drop) => sum + drop.tokens, 0), reservedTokens } } : {}),
    },
  };
}

/**
 * Room for documents and history. Everything is kept when both fit; otherwise the room is
 * split by their budgets, and a section that needs less than its share gives the rest away.
 */
function splitRoom(available: number, documentNeed: number, historyNeed: number, documentBudget: number, historyBudget: number): { documents: number; history: number } {
  if (documentNeed + historyNeed <= available) return { documents: documentNeed, history: historyNeed };
  const weights = documentBudget + historyBudget === 0 ? [1, 1] : [documentBudget, historyBudget];
  const documentShare = Math.floor((available * (weights[0] ?? 1)) / ((weights[0] ?? 1) + (weights[1] ?? 1)));
  const historyShare = available - documentShare;
  if (documentNeed <= documentShare) return { documents: documentNeed, history: available - documentNeed };
  if (historyNeed <= historyShare) return { documents: available - historyNeed, history: historyNeed };
  return { documents: documentShare, history: historyShare };
}
