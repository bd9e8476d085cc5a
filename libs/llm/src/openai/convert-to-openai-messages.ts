import type OpenAI from 'openai';
import type { ChatMessage } from '#libs/contracts';

/** Ballast messages as Chat Completions messages; names are kept because OpenAI supports them. */
export function convertToOpenAiMessages(messages: readonly ChatMessage[]): OpenAI.Chat.ChatCompletionMessageParam[] {
  return messages.map((message): OpenAI.Chat.ChatCompletionMessageParam => {
    const name = message.name === undefined ? {} : { name: message.name };
    switch (message.role) {
      case 'system':
        return { role: 'system', content: message.content, ...name };
      case 'user':
        return { role: 'user', content: message.content, ...name };
      case 'assistant':
        return { role: 'assistant', content: message.content, ...name };
    }
  });
}
