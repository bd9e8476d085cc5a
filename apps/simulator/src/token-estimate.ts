/** Characters per token used by every estimate; the same rough rule providers document. */
export const CHARACTERS_PER_TOKEN = 4;

/** Estimated tokens of a text: ceil(characters / 4), at least 1 so no call is ever free. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / CHARACTERS_PER_TOKEN));
}

/** Cuts a text so that {@link estimateTokens} of the result is at most `maxTokens`. */
export function truncateToTokens(text: string, maxTokens: number): string {
  return text.slice(0, Math.max(0, maxTokens) * CHARACTERS_PER_TOKEN);
}
