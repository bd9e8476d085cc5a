import type { ChatMessage, Citation, InputHandling, TextSpan } from '#libs/contracts';
import type { PromptSource } from '../rag/grounding-prompt.js';

/** The messages with the oversized one replaced, and the excerpts it became (as sources). */
export interface HandledInput {
  readonly messages: ChatMessage[];
  readonly sources: PromptSource[];
  readonly citations: Citation[];
}

/**
 * Replaces an oversized current message as the workflow decided: by its question plus the
 * excerpts retrieved from it (given as numbered sources), or by its question plus the
 * map-reduce summary. Spans point into the original message, which stays in the request.
 */
export function applyInputHandling(messages: readonly ChatMessage[], handling: InputHandling | undefined): HandledInput {
  if (handling === undefined) return { messages: [...messages], sources: [], citations: [] };
  const original = messages[handling.messageIndex];
  if (original === undefined) throw new RangeError(`input handling names message ${handling.messageIndex} of ${messages.length}`);
  const question = slice(original.content, handling.question) || 'Answer from the document above.';
  const tokens = handling.record.queryTokens;
  let content: string;
  const sources: PromptSource[] = [];
  const citations: Citation[] = [];
  if (handling.kind === 'ephemeral-document') {
    handling.excerpts.forEach((excerpt, position) => {
      const index = position + 1;
      const title = `Your message (${tokens} tokens), excerpt ${index} of ${handling.excerpts.length}, characters ${excerpt.start}–${excerpt.end}`;
      sources.push({ index, title, text: slice(original.content, excerpt) });
      citations.push({ index, documentId: 'request-input', collectionId: 'request-input', title, chunkId: `request-input:${excerpt.start}-${excerpt.end}`, score: excerpt.score });
    });
    // The request alone: the source titles tell the model the passages are from the user's own message.
    content = question;
  } else {
    content = `I supplied a document of ${tokens} tokens. Its summary (made in ${handling.record.parts} parts) follows.\n\n${handling.summary}\n\nMy request: ${question}`;
  }
  const replaced = messages.map((message, index) => (index === handling.messageIndex ? { ...message, content } : message));
  return { messages: replaced, sources, citations };
}

function slice(text: string, span: TextSpan): string {
  return text.slice(span.start, span.end).trim();
}
