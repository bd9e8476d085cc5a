import { createO200kCounter, type RankedVocabulary } from './o200k-counter.js';

/** Token encodings a collection can count with. */
export const TOKENIZER_ENCODINGS = ['cl100k_base', 'o200k_base'] as const;
export type TokenizerEncoding = (typeof TOKENIZER_ENCODINGS)[number];

/**
 * The default: OpenAI's embedding models (text-embedding-3-*) count input in cl100k_base, so
 * chunk sizes and their input limits agree; it also loads about three times faster than
 * o200k_base. A collection records its encoding and keeps it, so chunk sizes stay comparable.
 */
export const DEFAULT_TOKENIZER_ENCODING: TokenizerEncoding = 'cl100k_base';

/** Counts and cuts text in one BPE encoding. */
export interface Tokenizer {
  readonly encoding: TokenizerEncoding;
  countTokens(text: string): number;
  encode(text: string): number[];
  decode(tokens: readonly number[]): string;
}

interface EncodingModule {
  encode(text: string, options?: { disallowedSpecial?: Set<string> }): number[];
  decode(tokens: Iterable<number>): string;
}

// Documents may contain strings like "<|endoftext|>"; they are text here, never control tokens.
const NO_SPECIAL_TOKENS = { disallowedSpecial: new Set<string>() };

const loading = new Map<TokenizerEncoding, Promise<Tokenizer>>();

/**
 * The tokenizer for an encoding, loaded once per process (the BPE tables take a moment to
 * build) and shared. Loading is lazy so a process that needs one encoding never pays for the other.
 */
export function loadTokenizer(encoding: TokenizerEncoding = DEFAULT_TOKENIZER_ENCODING): Promise<Tokenizer> {
  let tokenizer = loading.get(encoding);
  if (tokenizer === undefined) {
    tokenizer = importEncoding(encoding).then(async (module) => createTokenizer(encoding, module, encoding === 'o200k_base' ? await importO200kRanks() : undefined));
    // A failed load (it should not happen) is not cached, so the next call tries again.
    tokenizer.catch(() => loading.delete(encoding));
    loading.set(encoding, tokenizer);
  }
  return tokenizer;
}

async function importEncoding(encoding: TokenizerEncoding): Promise<EncodingModule> {
  switch (encoding) {
    case 'cl100k_base':
      return import('gpt-tokenizer/encoding/cl100k_base');
    case 'o200k_base':
      return import('gpt-tokenizer/encoding/o200k_base');
  }
}

// The ranks gpt-tokenizer's o200k_base encoding was built from (already loaded with it).
async function importO200kRanks(): Promise<RankedVocabulary> {
  return (await import('gpt-tokenizer/bpeRanks/o200k_base')).default;
}

function createTokenizer(encoding: TokenizerEncoding, module: EncodingModule, ranks?: RankedVocabulary): Tokenizer {
  // Counting via encode() keeps the special-token setting; it costs the same as countTokens().
  const countSlowly = (text: string): number => module.encode(text, NO_SPECIAL_TOKENS).length;
  // o200k_base counts go through a hand-written cut of the same pieces, several times faster (`o200k-counter.ts`).
  const count = ranks === undefined ? countSlowly : createO200kCounter(ranks, countSlowly);
  return {
    encoding,
    countTokens: (text) => (text === '' ? 0 : count(text)),
    encode: (text) => module.encode(text, NO_SPECIAL_TOKENS),
    decode: (tokens) => module.decode(tokens),
  };
}
