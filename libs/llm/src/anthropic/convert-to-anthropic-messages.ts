import type Anthropic from '@anthropic-ai/sdk';
import type { ChatMessage } from '#libs/contracts';
import type { LanguageModelWarning } from '../language-model.js';

/** Stands in for the missing first user turn; Anthropic rejects empty text. */
export const ANTHROPIC_LEADING_USER_PLACEHOLDER = '(continue)';

/** A conversation in the shape the Messages API requires. */
export interface AnthropicPrompt {
  /** All system messages, joined; Anthropic takes them as a separate parameter. */
  readonly system: string | undefined;
  /** Alternating user/assistant turns starting with user; empty when the input had none. */
  readonly messages: Anthropic.MessageParam[];
  readonly warnings: LanguageModelWarning[];
}

/**
 * Ballast messages as Messages API input. Anthropic requires alternating roles starting
 * with `user`, so consecutive messages of one role are merged (blank line between) and a
 * conversation that starts with the assistant gets a placeholder user turn, with a warning.
 */
export function convertToAnthropicMessages(messages: readonly ChatMessage[]): AnthropicPrompt {
  const warnings: LanguageModelWarning[] = [];
  const systemParts: string[] = [];
  const turns: { role: 'user' | 'assistant'; parts: string[] }[] = [];

  for (const message of messages) {
    if (message.role === 'system') {
      if (turns.length > 0) {
        warnings.push({ type: 'other', message: 'a system message after the conversation started was moved to the system prompt' });
      }
      systemParts.push(message.content);
      continue;
    }
    const last = turns[turns.length - 1];
    if (last?.role === message.role) last.parts.push(message.content);
    else turns.push({ role: message.role, parts: [message.content] });
  }

  if (messages.some((message) => message.name !== undefined)) {
    warnings.push({ type: 'unsupported-setting', setting: 'name', message: 'Anthropic does not support message names; they were dropped' });
  }
  if (turns[0]?.role === 'assistant') {
    turns.unshift({ role: 'user', parts: [ANTHROPIC_LEADING_USER_PLACEHOLDER] });
    warnings.push({ type: 'other', message: 'the conversation started with an assistant message; a placeholder user turn was added' });
  }

  return {
    system: systemParts.length > 0 ? systemParts.join('\n\n') : undefined,
    messages: turns.map((turn) => ({ role: turn.role, content: turn.parts.join('\n\n') })),
    warnings,
  };
}
