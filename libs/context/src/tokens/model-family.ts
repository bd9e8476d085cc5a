import type { TokenizerEncoding } from '#libs/rag';

/**
 * How a model's tokens are counted. OpenAI families are counted exactly with their BPE encoding;
 * the others (Anthropic, whose tokenizer is not public, and everything else) by a calibrated estimate.
 */
export type ModelFamily = 'openai-o200k' | 'openai-cl100k' | 'anthropic' | 'other';

/** Every family, for validation and tests. */
export const MODEL_FAMILIES: readonly ModelFamily[] = ['openai-o200k', 'openai-cl100k', 'anthropic', 'other'];

// gpt-4o, gpt-4.1, gpt-4.5, gpt-5 and the o-series (o1, o3, o4-mini, …) use o200k_base;
// gpt-4 (incl. gpt-4-turbo) and gpt-3.5 use cl100k_base. Checked in this order, so
// "gpt-4o" and "gpt-4.1" never fall through to the cl100k pattern.
const O200K = /^(?:gpt-4o|gpt-4\.[1-9]|gpt-[5-9]|o[1-9](?:$|-)|chatgpt-4o|gpt-oss)/;
const CL100K = /^(?:gpt-4(?:$|-)|gpt-3\.5|text-embedding-3|text-embedding-ada-002)/;

/**
 * The family of a model id (an OpenAI or Anthropic model name, optionally prefixed with a
 * provider such as `openai/`), or a family name passed through. Unknown models are `other`.
 */
export function resolveModelFamily(modelOrFamily: string): ModelFamily {
  const lower = modelOrFamily.trim().toLowerCase();
  if ((MODEL_FAMILIES as readonly string[]).includes(lower)) return lower as ModelFamily;
  const name = lower.slice(lower.lastIndexOf('/') + 1);
  if (O200K.test(name)) return 'openai-o200k';
  if (CL100K.test(name)) return 'openai-cl100k';
  if (name.startsWith('claude') || lower.startsWith('anthropic/')) return 'anthropic';
  return 'other';
}

/** The BPE encoding that counts a family exactly, or undefined when the family is estimated. */
export function encodingForFamily(family: ModelFamily): TokenizerEncoding | undefined {
  switch (family) {
    case 'openai-o200k':
      return 'o200k_base';
    case 'openai-cl100k':
      return 'cl100k_base';
    default:
      return undefined;
  }
}
