import { TOKENIZER_ENCODINGS, type Tokenizer, type TokenizerEncoding } from '#libs/rag';
import { analyzeChunk, ChunkAnalysisCache } from '../compress/analyze-chunk.js';
import type { Vocabulary } from '../compress/vocabulary.js';
import { encodeAnalysis, type EncodedAnalysis } from './analysis-codec.js';

/**
 * What budgeting and compression need to know about a chunk, worked out once at ingestion and
 * stored with it (`chunks.token_profile`), so a request that retrieves the chunk neither counts
 * nor analyses its text: its token count in each encoding, and its analysis for compression
 * (`analysis-codec.ts`). Stored as one line of space-separated fields,
 *
 *   cp1 <text length> <text fingerprint> o200k_base=95,cl100k_base=97 a<analysis version> <filter> <data> <key>:<…> <key>:<…> …
 *
 * rather than JSON: a request reads the counts and the analysis' ranges without scanning the
 * keys, and looks keys up only as the query needs them (JSON.parse of a 16k-token context's
 * profiles alone took 0.6 ms). Everything but the keys is base64url and digits.
 *
 * A profile is only used for the text it was made from (length and fingerprint checked). Token
 * counts never go stale (an encoding does not change); the analysis does when the analysis code
 * changes, so it carries `CHUNK_ANALYSIS_VERSION` and one of another version is ignored (the
 * chunk is analysed as if it had no profile).
 */
export interface ChunkProfile {
  /** Tokens of the text in each encoding it was counted in. */
  readonly tokens: Readonly<Partial<Record<TokenizerEncoding, number>>>;
  /** The text's analysis, when the profile has one of the current version. */
  readonly analysis?: EncodedAnalysis;
}

/**
 * The version of the chunk analysis a profile records. Bump it with any change to what
 * `analyzeChunk` computes (sentence splitting, words, stems, keys, facts, figures, shingles,
 * estimates, furniture and heading rules): stored analyses of other versions are then ignored.
 * `chunk-profile.test.ts` pins a digest of the fixture's analyses to catch a forgotten bump.
 */
export const CHUNK_ANALYSIS_VERSION = 1;

const FORMAT = 'cp1';

/**
 * The profile of a chunk's `text` as stored at ingestion: counted with each of `tokenizers`
 * (ingestion counts in o200k_base and cl100k_base, the encodings of current OpenAI models) and
 * analysed for compression. The analysis is left out when it cannot be written down exactly.
 */
export function profileChunk(text: string, tokenizers: readonly Tokenizer[], vocabulary?: Vocabulary): string {
  const counts = tokenizers.map((tokenizer) => `${tokenizer.encoding}=${tokenizer.countTokens(text)}`).join(',') || '-';
  const head = `${FORMAT} ${text.length} ${textFingerprint(text)} ${counts}`;
  const analysis = encodeAnalysis(text, analyzeChunk(text, new ChunkAnalysisCache(0, vocabulary)));
  return analysis === undefined ? head : `${head} a${CHUNK_ANALYSIS_VERSION} ${analysis.filter} ${analysis.data}${analysis.keys}`;
}

/**
 * The profile stored for `text`, or undefined when there is none, it does not belong to this
 * text (another length or fingerprint) or cannot be read: the chunk is then counted and analysed
 * as today. Counts that are not non-negative integers are left out, and so is an analysis of
 * another version. Reads only the head; the analysis is decoded when a cache misses it.
 */
export function parseChunkProfile(serialized: string | undefined, text: string): ChunkProfile | undefined {
  if (serialized === undefined || !serialized.startsWith(`${FORMAT} `)) return undefined;
  // Read by hand: a request reads a profile for every retrieved chunk.
  const head = new HeadReader(serialized, FORMAT.length + 1);
  if (head.decimal() !== text.length || !head.skip(' ') || head.decimal() !== textFingerprint(text) || !head.skip(' ')) return undefined;
  const tokens: Partial<Record<TokenizerEncoding, number>> = {};
  if (!head.skip('-')) {
    do {
      const encoding = TOKENIZER_ENCODINGS.find((name) => head.skip(name));
      if (encoding === undefined || !head.skip('=')) return undefined;
      const count = head.decimal();
      if (count < 0) return undefined;
      tokens[encoding] = count;
    } while (head.skip(','));
  }
  if (!head.skip(` a${CHUNK_ANALYSIS_VERSION} `)) return { tokens };
  const filter = head.upTo(' ');
  const data = head.upTo(' ');
  if (filter === undefined || data === undefined) return { tokens };
  return { tokens, analysis: { filter, data, keys: serialized.slice(head.at - 1) } };
}

/** A cursor over a profile's head. */
class HeadReader {
  constructor(
    private readonly text: string,
    public at: number,
  ) {}

  /** Moves past `expected` when it comes next. */
  skip(expected: string): boolean {
    if (!this.text.startsWith(expected, this.at)) return false;
    this.at += expected.length;
    return true;
  }

  /** The decimal number next (up to 15 digits), or -1 when there is none. */
  decimal(): number {
    let value = 0;
    const start = this.at;
    for (let code = this.text.charCodeAt(this.at); code >= 48 && code <= 57 && this.at - start < 15; code = this.text.charCodeAt(this.at)) {
      value = value * 10 + (code - 48);
      this.at += 1;
    }
    return this.at === start ? -1 : value;
  }

  /** What comes before the next `separator` (moving past it) or the end; undefined when nothing does. */
  upTo(separator: string): string | undefined {
    if (this.at >= this.text.length) return undefined;
    const end = this.text.indexOf(separator, this.at);
    const field = this.text.slice(this.at, end < 0 ? this.text.length : end);
    this.at = end < 0 ? this.text.length + 1 : end + 1;
    return field;
  }
}

/**
 * A 32-bit fingerprint of the text's code units: four interleaved FNV-1a lanes (so the
 * multiplications do not wait on each other: about 0.05 ms for a 16k-token context), mixed.
 * Tells a profile's text from another; not for security.
 */
export function textFingerprint(text: string): number {
  let first = 0x811c9dc5;
  let second = 0x050c5d1f;
  let third = 0x1f3d5b79;
  let fourth = 0x6c8e9cf5;
  const { length } = text;
  let index = 0;
  for (; index + 3 < length; index += 4) {
    first = Math.imul(first ^ text.charCodeAt(index), 0x01000193);
    second = Math.imul(second ^ text.charCodeAt(index + 1), 0x01000193);
    third = Math.imul(third ^ text.charCodeAt(index + 2), 0x01000193);
    fourth = Math.imul(fourth ^ text.charCodeAt(index + 3), 0x01000193);
  }
  for (; index < length; index += 1) first = Math.imul(first ^ text.charCodeAt(index), 0x01000193);
  let mixed = first ^ Math.imul(second, 0x85ebca6b) ^ Math.imul(third, 0xc2b2ae35) ^ Math.imul(fourth, 0x27d4eb2f) ^ length;
  mixed = Math.imul(mixed ^ (mixed >>> 16), 0x85ebca6b);
  mixed = Math.imul(mixed ^ (mixed >>> 13), 0xc2b2ae35);
  return (mixed ^ (mixed >>> 16)) >>> 0;
}
