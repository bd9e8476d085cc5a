import type { ChatMessage, Citation, ContextUsage, InputHandling } from '#libs/contracts';
import { planContext, type ContextBudgetPolicy, type ContextReport, type TokenCounter } from '#libs/context';
import { buildGroundedMessages, GROUNDING_INSTRUCTIONS, type PromptSource } from '../rag/grounding-prompt.js';
import type { LoadedSource } from '../rag/source-loader.js';
import { applyInputHandling } from './apply-input-handling.js';

/** Everything one provider attempt's prompt is made of, and the target's limits. */
export interface AssemblePromptInput {
  readonly messages: readonly ChatMessage[];
  readonly inputHandling?: InputHandling;
  /** Retrieved sources, best first, with the citations numbering them; their ingestion profiles spare counting and analysing them. */
  readonly sources: readonly LoadedSource[];
  readonly citations: readonly Citation[];
  readonly counter: TokenCounter;
  readonly window: number;
  readonly policy: ContextBudgetPolicy;
  readonly maxOutputTokens?: number;
  readonly inputPricePerMillion?: number;
}

/** The prompt to send, or the numbers of why none fits this target. */
export type AssembledPrompt =
  | {
      readonly kind: 'fits';
      readonly messages: ChatMessage[];
      readonly citations: Citation[];
      readonly context: ContextUsage;
      /** Dropped turns the route wants summarised (room for the summary is held in the budget). */
      readonly historyToSummarize: readonly ChatMessage[];
    }
  | { readonly kind: 'too-large'; readonly needed: number; readonly window: number; readonly systemTokens: number; readonly queryTokens: number; readonly outputTokens: number };

/**
 * Budgets one attempt's prompt for its target: the oversized message replaced as decided, then
 * system instructions kept whole, history dropped oldest-first, sources (excerpts of the message
 * first, then retrieved chunks by rank) compressed when the route enables it, dropped lowest-ranked
 * first and the last one trimmed. Kept sources are renumbered [1]..[n] so citations match.
 */
export function assemblePrompt(input: AssemblePromptInput): AssembledPrompt {
  const handled = applyInputHandling(input.messages, input.inputHandling);
  const sources: LoadedSource[] = [...handled.sources, ...input.sources.map((source) => ({ ...source, index: source.index + handled.sources.length }))];
  const citations = [...handled.citations, ...input.citations.map((citation) => ({ ...citation, index: citation.index + handled.sources.length }))];

  const queryIndex = lastIndexOf(handled.messages, (message) => message.role === 'user');
  const leading = leadingSystemCount(handled.messages);
  const system = handled.messages.slice(0, leading);
  const history = handled.messages.filter((_message, index) => index >= leading && index !== queryIndex);
  const query = handled.messages[queryIndex] ?? { role: 'user' as const, content: '' };
  // The grounding instructions ride in the prompt only with sources; they never get cut.
  const instructionTokens = sources.length > 0 ? input.counter.countMessage({ role: 'system', content: `${GROUNDING_INSTRUCTIONS}\n\nSources:` }) : 0;
  const plan = planContext({
    counter: input.counter,
    window: Math.max(1, input.window - instructionTokens),
    // Whether the message is oversized was decided once for the route, before any attempt.
    policy: { ...input.policy, maxQueryTokens: Number.MAX_SAFE_INTEGER },
    system,
    history,
    query,
    // Rank order is the priority: the first source is dropped last whatever its raw score scale.
    documents: sources.map((source, position) => ({
      id: String(source.index),
      text: source.text,
      score: sources.length - position,
      ...(source.tokenProfile === undefined ? {} : { profile: source.tokenProfile }),
    })),
    ...(input.maxOutputTokens !== undefined ? { maxOutputTokens: input.maxOutputTokens } : {}),
    ...(input.inputPricePerMillion !== undefined ? { inputPricePerMillion: input.inputPricePerMillion } : {}),
  });
  if (plan.kind === 'too-large') {
    return { kind: 'too-large', needed: plan.needed + instructionTokens, window: input.window, systemTokens: plan.systemTokens + instructionTokens, queryTokens: plan.queryTokens, outputTokens: plan.outputTokens };
  }
  if (plan.kind === 'oversized-input') throw new Error('unreachable: the oversized-input limit is lifted for attempts');

  const keptSources: PromptSource[] = [];
  const keptCitations: Citation[] = [];
  const chunkIdOf = new Map(citations.map((citation) => [String(citation.index), citation.chunkId]));
  for (const document of plan.documents) {
    const source = sources.find((candidate) => String(candidate.index) === document.id);
    const citation = citations.find((candidate) => String(candidate.index) === document.id);
    if (source === undefined || citation === undefined) continue;
    const index = keptSources.length + 1;
    const { tokenProfile: _tokenProfile, ...shown } = source;
    keptSources.push({ ...shown, index, text: document.text });
    keptCitations.push({ ...citation, index });
  }
  return {
    kind: 'fits',
    messages: buildGroundedMessages(plan.messages, keptSources),
    citations: keptCitations,
    context: toContextUsage(plan.report, instructionTokens, chunkIdOf, input.inputHandling),
    historyToSummarize: plan.historyToSummarize,
  };
}

/** The library's report in the response's shape, document ids shown as chunk ids. */
function toContextUsage(report: ContextReport, instructionTokens: number, chunkIdOf: ReadonlyMap<string, string>, handling: InputHandling | undefined): ContextUsage {
  const chunkId = (id: string | undefined) => (id === undefined ? undefined : (chunkIdOf.get(id) ?? id));
  return {
    window: report.window + instructionTokens,
    budget: report.budget,
    used: { ...report.used, system: report.used.system + instructionTokens },
    dropped: report.dropped.map((drop) => ({ ...drop, ...(drop.id !== undefined ? { id: chunkId(drop.id) as string } : {}) })),
    trimmed: report.trimmed.map((trim) => ({ ...trim, id: chunkId(trim.id) as string })),
    ...(report.compressed ? { compressed: { ...report.compressed } } : {}),
    ...(handling ? { oversizedInput: handling.record } : {}),
  };
}

function lastIndexOf<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) if (predicate(items[index] as T)) return index;
  return -1;
}

function leadingSystemCount(messages: readonly ChatMessage[]): number {
  let count = 0;
  while (count < messages.length && messages[count]?.role === 'system') count += 1;
  return count;
}
