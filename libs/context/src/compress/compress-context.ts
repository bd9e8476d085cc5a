import type { TokenCounter } from '../tokens/token-counter.js';
import { analyzeChunk, ChunkAnalysisCache, countChunk, type ChunkAnalysis, type LineAnalysis, type SentenceAnalysis } from './analyze-chunk.js';
import { NearDuplicateIndex } from './near-duplicates.js';
import { scoreSentences, type SentenceToScore } from './score-sentences.js';
import { boundTokens, TokenShares } from './sentence-tokens.js';
import { termsOf } from './words.js';

/** A retrieved chunk to compress. */
export interface CompressibleChunk {
  readonly id: string;
  readonly text: string;
  /** The text's tokens with the input's counter, when known (e.g. counted at ingestion); counted when absent. */
  readonly tokens?: number;
}

/** What to compress, against which question, to what size. */
export interface CompressContextInput {
  /** The user's question: sentences are kept by relevance to it. */
  readonly query: string;
  /** Best-ranked first: a sentence repeated across chunks is kept in the better-ranked one. */
  readonly chunks: readonly CompressibleChunk[];
  readonly counter: TokenCounter;
  /** Tokens kept over tokens given, in (0, 1]. */
  readonly targetRatio: number;
  /** Chunks below this many tokens keep all their sentences (furniture and repeats still go). */
  readonly minChunkTokens?: number;
  /**
   * Keep each chunk's best sentence even when it is not relevant enough to earn its place (the
   * default), so every retrieved chunk can still be cited. Off, a chunk with nothing relevant
   * comes back empty and the caller drops it: better retention at low ratios (see the bench).
   */
  readonly keepEveryChunk?: boolean;
  /** Where chunk analyses are remembered; default: one cache shared by the process (2,048 chunks). */
  readonly analysisCache?: ChunkAnalysisCache;
}

/** One chunk after compression; same id, same position. `text` is empty when nothing of it was kept. */
export interface CompressedChunk {
  readonly id: string;
  readonly text: string;
  /** The chunk's count: given with the chunk, or counted. */
  readonly tokensBefore: number;
  /**
   * The tokens of `text`. When `estimated`, the kept sentences' shares of `tokensBefore` (see
   * `sentence-tokens.ts`) plus one per join: close to the count (2% high in aggregate on the eval
   * set) but not a bound, so whoever must not exceed a limit checks `upperBound`. Otherwise exact:
   * the chunk came back whole (or empty).
   */
  readonly tokens: number;
  readonly estimated: boolean;
  /** A bound on the tokens of `text`: `tokens` when exact, `tokens` with a margin when estimated. */
  readonly upperBound: number;
}

/** Figures for `ballast.context.compressed`. */
export interface CompressionStats {
  readonly tokensBefore: number;
  /** Sum of the chunks' `tokens` (estimated for shortened chunks). */
  readonly tokensAfter: number;
  /** tokensAfter / tokensBefore (1 when there was nothing to compress). */
  readonly ratio: number;
  /** Every sentence, furniture lines' included. */
  readonly sentencesBefore: number;
  readonly sentencesKept: number;
  /** Sentences left out for relevance (near-duplicates and furniture are counted apart). */
  readonly sentencesDropped: number;
  /** Sentences dropped because an earlier chunk said the same. */
  readonly duplicatesRemoved: number;
  /** Navigation, footer, cookie-banner and repeated furniture lines removed. */
  readonly boilerplateLinesRemoved: number;
}

/** Compressed chunks and what the compression did. */
export interface CompressContextResult {
  readonly chunks: readonly CompressedChunk[];
  readonly stats: CompressionStats;
}

/** Chunks this small keep all their sentences unless the input says otherwise. */
export const DEFAULT_MIN_CHUNK_TOKENS = 48;

const sharedAnalysisCache = new ChunkAnalysisCache();

/** A candidate sentence; it carries what `scoreSentences` reads, so it is scored as is. */
interface Unit extends SentenceToScore {
  readonly line: number;
  /** Position among all sentences, for stable tie-breaks. */
  readonly order: number;
  readonly sentence: SentenceAnalysis;
  /** Its share of the chunk's tokens. */
  readonly tokens: number;
  score: number;
  kept: boolean;
}

/**
 * Query-aware extractive compression: strips furniture lines and whitespace runs, drops
 * sentences repeated across chunks, then keeps the sentences most relevant to the query (see
 * `scoreSentences`) in their original order until `targetRatio` of the original tokens is
 * reached. Each chunk keeps at least its best sentence so its citation still points at text.
 * Sentences are never rewritten, so figures, names, dates and quotes survive verbatim or not at
 * all. A chunk whose compressed form would not be smaller comes back as it was. Pure and
 * deterministic; the per-chunk analysis is cached by chunk text. Only the chunks are counted
 * (unless their counts are given), never the sentences: see `sentence-tokens.ts`.
 */
export function compressContext(input: CompressContextInput): CompressContextResult {
  const { counter } = input;
  if (!(input.targetRatio > 0 && input.targetRatio <= 1)) throw new RangeError(`targetRatio must be in (0, 1], got ${input.targetRatio}`);
  const minChunkTokens = input.minChunkTokens ?? DEFAULT_MIN_CHUNK_TOKENS;
  const cache = input.analysisCache ?? sharedAnalysisCache;
  const analyses: ChunkAnalysis[] = [];
  const chunkTokens: number[] = [];
  for (const chunk of input.chunks) {
    const analysis = analyzeChunk(chunk.text, cache);
    analyses.push(analysis);
    chunkTokens.push(chunk.tokens ?? countChunk(analysis, chunk.text, counter));
  }
  const { units, boilerplateLinesRemoved, duplicatesRemoved, sentencesBefore } = collectUnits(analyses, chunkTokens, new Set(termsOf(input.query, cache.vocabulary)));

  const scores = scoreSentences(input.query, units);
  units.forEach((unit, index) => (unit.score = scores[index] ?? 0));

  const totalBefore = chunkTokens.reduce((sum, tokens) => sum + tokens, 0);
  const target = Math.floor(totalBefore * input.targetRatio);
  // A join token is charged to every sentence: the joined text can cost one more than its parts.
  const cost = (unit: Unit): number => unit.tokens + 1;
  let used = 0;
  const keep = (unit: Unit): void => {
    unit.kept = true;
    used += cost(unit);
  };
  // Small chunks keep all their sentences; every other chunk its best one, unless told otherwise.
  const byChunk = groupBy(units, (unit) => unit.chunk);
  for (const [chunk, chunkUnits] of byChunk) {
    if ((chunkTokens[chunk] ?? 0) < minChunkTokens) chunkUnits.forEach(keep);
    else if (input.keepEveryChunk ?? true) keep(chunkUnits.reduce((top, unit) => (unit.score > top.score ? unit : top)));
  }
  for (const unit of byScore(units)) if (!unit.kept && used + cost(unit) <= target) keep(unit);

  const chunks = input.chunks.map((chunk, index): CompressedChunk => {
    const kept = (byChunk.get(index) ?? []).filter((unit) => unit.kept);
    const tokens = kept.reduce((sum, unit) => sum + cost(unit), 0) - (kept.length > 0 ? 1 : 0);
    const tokensBefore = chunkTokens[index] ?? 0;
    // The figure can reach the original's when nearly everything is kept: then the original is cheaper and exact.
    if (tokens >= tokensBefore) return { id: chunk.id, text: chunk.text, tokensBefore, tokens: tokensBefore, estimated: false, upperBound: tokensBefore };
    if (kept.length === 0) return { id: chunk.id, text: '', tokensBefore, tokens: 0, estimated: false, upperBound: 0 };
    return { id: chunk.id, text: renderChunk(kept), tokensBefore, tokens, estimated: true, upperBound: boundTokens(tokens, tokensBefore) };
  });
  const tokensAfter = chunks.reduce((sum, chunk) => sum + chunk.tokens, 0);
  const sentencesKept = units.filter((unit) => unit.kept).length;
  return {
    chunks,
    stats: {
      tokensBefore: totalBefore,
      tokensAfter,
      ratio: totalBefore === 0 ? 1 : tokensAfter / totalBefore,
      sentencesBefore,
      sentencesKept,
      sentencesDropped: units.length - sentencesKept,
      duplicatesRemoved,
      boilerplateLinesRemoved,
    },
  };
}

/**
 * The sentences compression chooses among: furniture lines (by pattern, or short figure-free
 * lines found in two or more chunks) are removed unless they mention the query, and sentences
 * repeating an earlier one (in rank order) are removed.
 */
function collectUnits(
  analyses: readonly ChunkAnalysis[],
  chunkTokens: readonly number[],
  queryTerms: ReadonlySet<string>,
): { units: Unit[]; boilerplateLinesRemoved: number; duplicatesRemoved: number; sentencesBefore: number } {
  // Short figure-free lines found in two or more chunks.
  const firstChunkWithLine = new Map<string, number>();
  const repeated = new Set<string>();
  analyses.forEach((analysis, chunk) => {
    for (const line of analysis.lines) {
      if (line.furnitureKey === undefined) continue;
      const first = firstChunkWithLine.get(line.furnitureKey);
      if (first === undefined) firstChunkWithLine.set(line.furnitureKey, chunk);
      else if (first !== chunk) repeated.add(line.furnitureKey);
    }
  });
  const units: Unit[] = [];
  const duplicates = new NearDuplicateIndex(analyses.reduce((sum, analysis) => sum + analysis.shingles, 0));
  let boilerplateLinesRemoved = 0;
  let duplicatesRemoved = 0;
  let sentencesBefore = 0;
  analyses.forEach((analysis, chunk) => {
    // Every sentence takes its share in reading order, furniture and repeats included, so the shares add up to the chunk's count.
    const shares = new TokenShares(chunkTokens[chunk] ?? 0, analysis.estimate);
    analysis.lines.forEach((line, lineIndex) => {
      sentencesBefore += line.sentences.length;
      const furniture = line.boilerplate || (line.furnitureKey !== undefined && repeated.has(line.furnitureKey));
      if (furniture && !mentions(line, queryTerms)) {
        for (const sentence of line.sentences) shares.next(sentence.estimate);
        boilerplateLinesRemoved += 1;
        return;
      }
      for (const sentence of line.sentences) {
        const tokens = shares.next(sentence.estimate);
        if (duplicates.addOrMatch(sentence.shingles, sentence.figures) !== undefined) duplicatesRemoved += 1;
        else {
          const { keys, keyHashes, length, facts, continuation } = sentence;
          units.push({ chunk, line: lineIndex, order: units.length, sentence, tokens, heading: line.heading, keys, keyHashes, length, facts, continuation, score: 0, kept: false });
        }
      }
    });
  });
  return { units, boilerplateLinesRemoved, duplicatesRemoved, sentencesBefore };
}

function mentions(line: LineAnalysis, terms: ReadonlySet<string>): boolean {
  for (const term of terms) if (line.sentences.some((sentence) => sentence.keys.includes(term))) return true;
  return false;
}

// Kept sentences of one line are joined by a space, lines by a line break, as in the source.
function renderChunk(kept: readonly Unit[]): string {
  const lines: string[] = [];
  let currentLine = -1;
  for (const unit of kept) {
    if (unit.line === currentLine) lines[lines.length - 1] += ` ${unit.sentence.text}`;
    else lines.push(unit.sentence.text);
    currentLine = unit.line;
  }
  return lines.join('\n');
}

/**
 * Units best score first, ties in reading order. Sorting packed numeric keys natively is several
 * times faster than a comparator: the score is quantised to 2^-24 (ties closer than that keep
 * reading order) above 20 bits of reversed position.
 */
function byScore(units: readonly Unit[]): Unit[] {
  const positions = 2 ** 20;
  if (units.length >= positions) return [...units].sort((left, right) => right.score - left.score || left.order - right.order);
  const keys = new Float64Array(units.length);
  units.forEach((unit, index) => (keys[index] = Math.round(Math.max(0, unit.score) * 2 ** 24) * positions + (positions - 1 - index)));
  keys.sort();
  const ordered: Unit[] = [];
  for (let index = keys.length - 1; index >= 0; index -= 1) {
    const unit = units[positions - 1 - ((keys[index] ?? 0) % positions)];
    if (unit !== undefined) ordered.push(unit);
  }
  return ordered;
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group === undefined) groups.set(key(item), [item]);
    else group.push(item);
  }
  return groups;
}
