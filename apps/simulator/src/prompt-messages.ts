/** A conversation turn reduced to what the simulator reads: who said it and its plain text. */
export interface PromptMessage {
  /** `system` covers OpenAI's `developer` role and Anthropic's top-level `system`; `tool` covers tool results. */
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly text: string;
}

/**
 * The text inside any message content either SDK can send: a string, an array of parts, text
 * blocks, tool results with nested content, or Anthropic plain-text documents. Images, audio
 * and other non-text parts contribute nothing.
 */
export function extractText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map(extractText).filter((text) => text.length > 0).join('\n');
  if (content === null || typeof content !== 'object') return '';
  const part = content as { text?: unknown; content?: unknown; source?: { type?: unknown; data?: unknown } };
  if (typeof part.text === 'string') return part.text;
  if (part.content !== undefined) return extractText(part.content);
  if (part.source?.type === 'text' && typeof part.source.data === 'string') return part.source.data;
  return '';
}

function normalizeRole(role: unknown): PromptMessage['role'] {
  switch (role) {
    case 'system':
    case 'developer':
      return 'system';
    case 'assistant':
      return 'assistant';
    case 'tool':
    case 'function':
      return 'tool';
    default:
      return 'user';
  }
}

/** OpenAI chat messages as {@link PromptMessage}s. */
export function promptFromOpenAi(messages: ReadonlyArray<{ role?: unknown; content?: unknown }>): PromptMessage[] {
  return messages.map((message) => ({ role: normalizeRole(message.role), text: extractText(message.content) }));
}

/** An Anthropic request's `system` and `messages` as {@link PromptMessage}s, system first. */
export function promptFromAnthropic(
  system: unknown,
  messages: ReadonlyArray<{ role?: unknown; content?: unknown }>,
): PromptMessage[] {
  const systemText = extractText(system);
  const turns = messages.map((message) => {
    const blocks = Array.isArray(message.content) ? (message.content as unknown[]) : [message.content];
    // Tool results travel inside user turns at Anthropic; they are context, not the question.
    const isToolResult = blocks.length > 0 && blocks.every((block) => (block as { type?: unknown } | null)?.type === 'tool_result');
    const role: PromptMessage['role'] = isToolResult ? 'tool' : normalizeRole(message.role);
    return { role, text: extractText(message.content) };
  });
  return systemText ? [{ role: 'system', text: systemText }, ...turns] : turns;
}

/** All prompt text joined, the basis of the input-token estimate. */
export function promptText(messages: readonly PromptMessage[]): string {
  return messages.map((message) => message.text).join('\n');
}
