/** Output tokens assumed for a request that sets neither `max_tokens` nor `max_completion_tokens`. */
export const DEFAULT_OUTPUT_TOKEN_ESTIMATE = 256;

/** Characters per token of English text: the usual rule of thumb, cheap enough to run before validation. */
const CHARACTERS_PER_TOKEN = 4;

/**
 * Tokens a chat request may use, for TPM limits: its message text at four characters a token,
 * plus its maximum output (`max_completion_tokens`, else `max_tokens`, else
 * DEFAULT_OUTPUT_TOKEN_ESTIMATE). Reads the raw body defensively: it runs before validation,
 * so anything malformed counts as no text.
 */
export function estimateChatTokens(body: unknown): number {
  if (typeof body !== 'object' || body === null) {
    return DEFAULT_OUTPUT_TOKEN_ESTIMATE;
  }
  const request = body as Record<string, unknown>;
  let characters = 0;
  for (const message of Array.isArray(request['messages']) ? (request['messages'] as unknown[]) : []) {
    characters += messageCharacters(message);
  }
  return Math.ceil(characters / CHARACTERS_PER_TOKEN) + (positiveInteger(request['max_completion_tokens']) ?? positiveInteger(request['max_tokens']) ?? DEFAULT_OUTPUT_TOKEN_ESTIMATE);
}

function messageCharacters(message: unknown): number {
  if (typeof message !== 'object' || message === null) {
    return 0;
  }
  const content = (message as Record<string, unknown>)['content'];
  if (typeof content === 'string') {
    return content.length;
  }
  if (!Array.isArray(content)) {
    return 0;
  }
  return content.reduce<number>((total, part: unknown) => {
    const text = typeof part === 'object' && part !== null ? (part as Record<string, unknown>)['text'] : undefined;
    return total + (typeof text === 'string' ? text.length : 0);
  }, 0);
}

function positiveInteger(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}
