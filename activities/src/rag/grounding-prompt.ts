import type { ChatMessage } from '#libs/contracts';

/** A retrieved chunk as the prompt shows it. */
export interface PromptSource {
  readonly index: number;
  readonly title: string;
  readonly section?: string;
  readonly page?: number;
  readonly text: string;
}

/** What the model is told about the numbered sources (counted against the window by the budget). */
export const GROUNDING_INSTRUCTIONS =
  'Answer the user using only the numbered sources below. Cite every fact with the number of its source in ' +
  'square brackets, like [1] or [2][3]. If the sources do not contain the answer, say that you could not find it in the sources.';

/**
 * Puts the sources in a system message placed before the conversation, keeping the caller's
 * own system instructions first (they are never cut or reordered).
 */
export function buildGroundedMessages(messages: readonly ChatMessage[], sources: readonly PromptSource[]): ChatMessage[] {
  if (sources.length === 0) return [...messages];
  const listing = sources
    .map((source) => {
      const where = [source.section, source.page !== undefined ? `page ${source.page}` : undefined].filter(Boolean).join(', ');
      return `[${source.index}] ${source.title}${where ? ` — ${where}` : ''}\n${source.text.trim()}`;
    })
    .join('\n\n');
  const leadingSystem = messages.filter((message, index) => message.role === 'system' && messages.slice(0, index).every((earlier) => earlier.role === 'system'));
  const rest = messages.slice(leadingSystem.length);
  return [...leadingSystem, { role: 'system', content: `${GROUNDING_INSTRUCTIONS}\n\nSources:\n\n${listing}` }, ...rest];
}
