import type { SplitInputInput, SplitInputOutput } from '#libs/contracts';
import { createTokenCounter, splitOversizedInput } from '#libs/context';
import { extractQuestion } from './extract-question.js';

/** Cuts an oversized message into parts for a map-reduce summary; spans only. */
export async function splitInput(input: SplitInputInput): Promise<SplitInputOutput> {
  const counter = await createTokenCounter(input.model);
  const question = extractQuestion(input.text, counter);
  const parts = splitOversizedInput(input.text, input.partTokens, counter);
  return { question, parts: parts.map(({ start, end, tokens }) => ({ start, end, tokens })) };
}
