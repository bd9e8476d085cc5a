import type { EncodedAnalysis } from '../profile/analysis-codec.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import { analyzeChunk, ChunkAnalysisCache, countChunk, keyLookup, SENTENCE, SENTENCE_FIELDS, sentenceFigures, sentenceText, type ChunkAnalysis, type KeyLookup, type LineAnalysis } from './analyze-chunk.js';
import { IntegerSlab } from '../shared/integer-slab.js';
import { NearDuplicateIndex } from './near-duplicates.js';
import { scoreSentences, scoringQuery, type QueryKeyHits, type ScoringQuery, type SentencesToScore } from './score-sentences.js';
import { boundTokens, TokenShares } from './sentence-tokens.js';

/** A retrieved chunk to compress. */
export interface CompressibleChunk {
  readonly id: string;
  readonly text: string;
  /** The text's tokens with the input's counter, when known (e.g. counted at ingestion); counted when absent. */
  readonly tokens?: number;
  /** The text's analysis as its ingestion profile recorded it (`ChunkProfile.analysis`); analysed when absent. */
  readonly analysis?: EncodedAnalysis;
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
// Scratch space every call reuses, cleared at its start (calls are synchronous, and nothing in it
// outlives one): allocating it anew each time cost more than clearing it, and brought the
// collector round more often. The near-duplicate index, the integers of recorded analyses, and
// the units' arrays.
const duplicateIndex = new NearDuplicateIndex();
const slab = new IntegerSlab();
const scratch = new IntegerSlab();
const hitLists: number[][] = [];

/**
 * The sentences compression chooses among (the units), an array a feature (from the call's
 * scratch space): furniture and repeated sentences are not units. Units are numbered in reading
 * order, chunk after chunk.
 */
interface Units extends SentencesToScore {
  /** The unit's sentence, numbered within its chunk's analysis. */
  readonly sentence: Int32Array;
  /** Its share of its chunk's tokens. */
  readonly tokens: Int32Array;
  /** The units of chunk `c` are `[chunkStart[c], chunkStart[c + 1])`. */
  readonly chunkStart: Int32Array;
  /** The unit of each sentence (sentences numbered chunk after chunk), -1 when it is not one. */
  readonly unitOf: Int32Array;
  readonly boilerplateLinesRemoved: number;
  readonly duplicatesRemoved: number;
  readonly sentencesBefore: number;
}

/**
 * Query-aware extractive compression: strips furniture lines and whitespace runs, drops
 * sentences repeated across chunks, then keeps the sentences most relevant to the query (see
 * `scoreSentences`) in their original order until `targetRatio` of the original tokens is
 * reached. Each chunk keeps at least its best sentence so its citation still points at text.
 * Sentences are never rewritten, so figures, names, dates and quotes survive verbatim or not at
 * all. A chunk whose compressed form would not be smaller comes back as it was. Pure and
 * deterministic; the per-chunk analysis is cached by chunk text (or read from the chunk's
 * ingestion profile). Only the chunks are counted (unless their counts are given), never the
 * sentences: see `sentence-tokens.ts`.
 */
export function compressContext(input: CompressContextInput): CompressContextResult {
  const { counter } = input;
  if (!(input.targetRatio > 0 && input.targetRatio <= 1)) throw new RangeError(`targetRatio must be in (0, 1], got ${input.targetRatio}`);
  const minChunkTokens = input.minChunkTokens ?? DEFAULT_MIN_CHUNK_TOKENS;
  const cache = input.analysisCache ?? sharedAnalysisCache;
  const analyses: ChunkAnalysis[] = [];
  const chunkTokens: number[] = [];
  // Recorded analyses are read into the slab; none of them outlives this call.
  slab.reset();
  for (const chunk of input.chunks) {
    const analysis = analyzeChunk(chunk.text, cache, chunk.analysis, slab);
    analyses.push(analysis);
    chunkTokens.push(chunk.tokens ?? countChunk(analysis, chunk.text, counter));
  }
  const query = scoringQuery(input.query);
  const lookups = new Map(query.keys.map((key) => [key, keyLookup(key)]));
  const units = collectUnits(analyses, chunkTokens, query, lookups);
  const scores = scoreSentences(query, units, queryKeyHits(query, lookups, analyses, units));

  const totalBefore = chunkTokens.reduce((sum, tokens) => sum + tokens, 0);
  const target = Math.floor(totalBefore * input.targetRatio);
  // A join token is charged to every sentence: the joined text can cost one more than its parts.
  const kept = scratch.take(units.count).fill(0);
  let used = 0;
  // Small chunks keep all their sentences; every other chunk its best one, unless told otherwise.
  const keepEveryChunk = input.keepEveryChunk ?? true;
  for (let chunk = 0; chunk < analyses.length; chunk += 1) {
    const first = units.chunkStart[chunk] ?? 0;
    const end = units.chunkStart[chunk + 1] ?? 0;
    if (first === end) continue;
    if ((chunkTokens[chunk] ?? 0) < minChunkTokens) {
      for (let unit = first; unit < end; unit += 1) {
        kept[unit] = 1;
        used += (units.tokens[unit] ?? 0) + 1;
      }
    } else if (keepEveryChunk) {
      let top = first;
      for (let unit = first + 1; unit < end; unit += 1) if ((scores[unit] ?? 0) > (scores[top] ?? 0)) top = unit;
      kept[top] = 1;
      used += (units.tokens[top] ?? 0) + 1;
    }
  }
  const ranked = byScore(scores);
  for (let rank = 0; rank < ranked.length; rank += 1) {
    const unit = ranked[rank] ?? 0;
    const cost = (units.tokens[unit] ?? 0) + 1;
    if (kept[unit] === 0 && used + cost <= target) {
      kept[unit] = 1;
      used += cost;
    }
  }

  let sentencesKept = 0;
  const chunks: CompressedChunk[] = [];
  for (let index = 0; index < input.chunks.length; index += 1) {
    const chunk = input.chunks[index] as CompressibleChunk;
    const first = units.chunkStart[index] ?? 0;
    const end = units.chunkStart[index + 1] ?? 0;
    let tokens = 0;
    let keptHere = 0;
    for (let unit = first; unit < end; unit += 1) {
      if (kept[unit] === 0) continue;
      tokens += (units.tokens[unit] ?? 0) + 1;
      keptHere += 1;
    }
    sentencesKept += keptHere;
    if (keptHere > 0) tokens -= 1;
    const tokensBefore = chunkTokens[index] ?? 0;
    // The figure can reach the original's when nearly everything is kept: then the original is cheaper and exact.
    if (tokens >= tokensBefore) chunks.push({ id: chunk.id, text: chunk.text, tokensBefore, tokens: tokensBefore, estimated: false, upperBound: tokensBefore });
    else if (keptHere === 0) chunks.push({ id: chunk.id, text: '', tokensBefore, tokens: 0, estimated: false, upperBound: 0 });
    else chunks.push({ id: chunk.id, text: renderChunk(analyses[index] as ChunkAnalysis, units, kept, first, end), tokensBefore, tokens, estimated: true, upperBound: boundTokens(tokens, tokensBefore) });
  }
  const tokensAfter = chunks.reduce((sum, chunk) => sum + chunk.tokens, 0);
  return {
    chunks,
    stats: {
      tokensBefore: totalBefore,
      tokensAfter,
      ratio: totalBefore === 0 ? 1 : tokensAfter / totalBefore,
      sentencesBefore: units.sentencesBefore,
      sentencesKept,
      sentencesDropped: units.count - sentencesKept,
      duplicatesRemoved: units.duplicatesRemoved,
      boilerplateLinesRemoved: units.boilerplateLinesRemoved,
    },
  };
}

/**
 * The sentences compression chooses among: furniture lines (by pattern, or short figure-free
 * lines found in two or more chunks) are removed unless they mention a query term, and sentences
 * repeating an earlier one (in rank order) are removed.
 */
function collectUnits(analyses: readonly ChunkAnalysis[], chunkTokens: readonly number[], query: ScoringQuery, lookups: ReadonlyMap<string, KeyLookup>): Units {
  // Plain loops, no callbacks: variables a closure writes live on the heap, and this is the hot loop.
  // Short figure-free lines found in two or more chunks.
  const firstChunkWithLine = new Map<string, number>();
  const repeated = new Set<string>();
  // Sentences numbered chunk after chunk: chunk c's from `sentenceStart[c]`.
  const sentenceStart = [0];
  let shingleCount = 0;
  for (let chunk = 0; chunk < analyses.length; chunk += 1) {
    const analysis = analyses[chunk] as ChunkAnalysis;
    sentenceStart.push((sentenceStart[chunk] ?? 0) + analysis.sentenceCount);
    shingleCount += analysis.shingleList.length;
    for (const line of analysis.lines) {
      if (line.furnitureKey === undefined) continue;
      const first = firstChunkWithLine.get(line.furnitureKey);
      if (first === undefined) firstChunkWithLine.set(line.furnitureKey, chunk);
      else if (first !== chunk) repeated.add(line.furnitureKey);
    }
  }
  const sentencesBefore = sentenceStart[analyses.length] ?? 0;
  // From the call's scratch space, sized once: there are no more units than sentences.
  scratch.reset();
  const unitOf = scratch.take(sentencesBefore);
  const chunkOf = scratch.take(sentencesBefore);
  const sentenceOf = scratch.take(sentencesBefore);
  const tokens = scratch.take(sentencesBefore);
  const length = scratch.take(sentencesBefore);
  const facts = scratch.take(sentencesBefore);
  const heading = scratch.take(sentencesBefore);
  const continuation = scratch.take(sentencesBefore);
  const chunkStart = scratch.take(analyses.length + 1);
  // A sentence's figures are read only when an earlier sentence is close enough for them to matter.
  const duplicates = duplicateIndex;
  duplicates.reset(shingleCount, (sentence) => {
    let chunk = 0;
    while ((sentenceStart[chunk + 1] ?? 0) <= sentence) chunk += 1;
    return sentenceFigures(analyses[chunk] as ChunkAnalysis, sentence - (sentenceStart[chunk] ?? 0));
  });
  let count = 0;
  let boilerplateLinesRemoved = 0;
  let duplicatesRemoved = 0;
  for (let chunk = 0; chunk < analyses.length; chunk += 1) {
    const analysis = analyses[chunk] as ChunkAnalysis;
    chunkStart[chunk] = count;
    const base = sentenceStart[chunk] ?? 0;
    const { sentences, shingleList, lines } = analysis;
    // Every sentence takes its share in reading order, furniture and repeats included, so the shares add up to the chunk's count.
    const shares = new TokenShares(chunkTokens[chunk] ?? 0, analysis.estimate);
    for (let lineIndex = 0; lineIndex < lines.length; lineIndex += 1) {
      const line = lines[lineIndex] as LineAnalysis;
      const firstSentence = line.firstSentence;
      const end = firstSentence + line.sentenceCount;
      const furniture = line.boilerplate || (line.furnitureKey !== undefined && repeated.has(line.furnitureKey));
      if (furniture && !mentions(analysis, firstSentence, line.sentenceCount, query, lookups)) {
        for (let sentence = firstSentence; sentence < end; sentence += 1) {
          shares.next(sentences[sentence * SENTENCE_FIELDS + SENTENCE_ESTIMATE] ?? 0);
          unitOf[base + sentence] = -1;
        }
        boilerplateLinesRemoved += 1;
        continue;
      }
      const lineHeading = line.heading ? 1 : 0;
      for (let sentence = firstSentence; sentence < end; sentence += 1) {
        const field = sentence * SENTENCE_FIELDS;
        const share = shares.next(sentences[field + SENTENCE_ESTIMATE] ?? 0);
        const shinglesFrom = sentence === 0 ? 0 : (sentences[field - SENTENCE_FIELDS + SENTENCE_SHINGLES_END] ?? 0);
        const figuresFrom = sentence === 0 ? 0 : (sentences[field - SENTENCE_FIELDS + SENTENCE_FIGURES_END] ?? 0);
        const hasFigures = (sentences[field + SENTENCE_FIGURES_END] ?? 0) > figuresFrom;
        if (duplicates.addOrMatchSpan(shingleList, shinglesFrom, sentences[field + SENTENCE_SHINGLES_END] ?? 0, hasFigures ? base + sentence : -1) !== undefined) {
          duplicatesRemoved += 1;
          unitOf[base + sentence] = -1;
          continue;
        }
        unitOf[base + sentence] = count;
        chunkOf[count] = chunk;
        sentenceOf[count] = sentence;
        tokens[count] = share;
        length[count] = sentences[field + SENTENCE_LENGTH] ?? 0;
        facts[count] = sentences[field + SENTENCE_FACTS] ?? 0;
        heading[count] = lineHeading;
        continuation[count] = sentences[field + SENTENCE_CONTINUATION] ?? 0;
        count += 1;
      }
    }
  }
  chunkStart[analyses.length] = count;
  return { count, chunk: chunkOf, sentence: sentenceOf, tokens, length, facts, heading, continuation, chunkStart, unitOf, boilerplateLinesRemoved, duplicatesRemoved, sentencesBefore };
}

// `SENTENCE` fields as plain constants for the hot loops.
const SENTENCE_ESTIMATE = SENTENCE.estimate;
const SENTENCE_LENGTH = SENTENCE.length;
const SENTENCE_FACTS = SENTENCE.facts;
const SENTENCE_CONTINUATION = SENTENCE.continuation;
const SENTENCE_SHINGLES_END = SENTENCE.shinglesEnd;
const SENTENCE_FIGURES_END = SENTENCE.figuresEnd;

// Whether one of the chunk's sentences [first, first + count) holds a query term (a term, not a prefix).
function mentions(analysis: ChunkAnalysis, first: number, count: number, query: ScoringQuery, lookups: ReadonlyMap<string, KeyLookup>): boolean {
  for (const { term } of query.terms) {
    const occurrences = analysis.keys.find(lookups.get(term) ?? keyLookup(term));
    if (occurrences === undefined) continue;
    for (let index = 0; index < occurrences.length; index += 2) {
      const sentence = occurrences[index] ?? -1;
      if (sentence >= first && sentence < first + count) return true;
    }
  }
  return false;
}

/**
 * Where the query's keys occur among the units (`scoreSentences`' hits), from the chunks' key
 * occurrences: only the query's keys are looked up.
 */
function queryKeyHits(query: ScoringQuery, lookups: ReadonlyMap<string, KeyLookup>, analyses: readonly ChunkAnalysis[], units: Units): QueryKeyHits {
  const { keys } = query;
  // The call's scratch lists, emptied: they keep their room from call to call.
  while (hitLists.length < keys.length) hitLists.push([]);
  const hits = hitLists.slice(0, keys.length);
  for (const list of hits) list.length = 0;
  // Two terms can share a prefix: a key fills every column it heads.
  const columnsOf = new Map<KeyLookup, number[]>();
  keys.forEach((key, column) => {
    const lookup = lookups.get(key) ?? keyLookup(key);
    const known = columnsOf.get(lookup);
    if (known === undefined) columnsOf.set(lookup, [column]);
    else known.push(column);
  });
  // As arrays: iterating the map made an entry array per key and chunk.
  const distinct = [...columnsOf.keys()];
  const columnsOfDistinct = [...columnsOf.values()];
  let base = 0;
  for (const analysis of analyses) {
    for (let key = 0; key < distinct.length; key += 1) {
      const lookup = distinct[key] as KeyLookup;
      const columns = columnsOfDistinct[key] ?? [];
      const occurrences = analysis.keys.find(lookup);
      if (occurrences === undefined) continue;
      for (let index = 0; index < occurrences.length; index += 2) {
        const unit = units.unitOf[base + (occurrences[index] ?? 0)] ?? -1;
        if (unit < 0) continue;
        for (const column of columns) hits[column]?.push(unit, occurrences[index + 1] ?? 0);
      }
    }
    base += analysis.sentenceCount;
  }
  return hits;
}

// Kept sentences of one line are joined by a space, lines by a line break, as in the source.
function renderChunk(analysis: ChunkAnalysis, units: Units, kept: Int32Array, first: number, end: number): string {
  const lines: string[] = [];
  let currentLine = -1;
  for (let unit = first; unit < end; unit += 1) {
    if (kept[unit] === 0) continue;
    const sentence = units.sentence[unit] ?? 0;
    const line = analysis.sentences[sentence * SENTENCE_FIELDS + SENTENCE.line] ?? 0;
    const text = sentenceText(analysis, sentence);
    if (line === currentLine) lines[lines.length - 1] += ` ${text}`;
    else lines.push(text);
    currentLine = line;
  }
  return lines.join('\n');
}

/**
 * Units best score first, ties in reading order. Sorting packed numeric keys natively is several
 * times faster than a comparator: the score is quantised to 2^-24 (ties closer than that keep
 * reading order) above 20 bits of reversed position.
 */
function byScore(scores: readonly number[]): ArrayLike<number> {
  const positions = 2 ** 20;
  if (scores.length >= positions) return Array.from(scores.keys()).sort((left, right) => (scores[right] ?? 0) - (scores[left] ?? 0) || left - right);
  const keys = new Float64Array(scores.length);
  for (let index = 0; index < scores.length; index += 1) keys[index] = Math.round(Math.max(0, scores[index] ?? 0) * 2 ** 24) * positions + (positions - 1 - index);
  keys.sort();
  const ordered = scratch.take(keys.length);
  for (let index = 0; index < keys.length; index += 1) ordered[index] = positions - 1 - ((keys[keys.length - 1 - index] ?? 0) % positions);
  return ordered;
}
