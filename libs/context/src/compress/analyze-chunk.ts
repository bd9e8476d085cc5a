import { splitSentences, type TextRange } from '#libs/rag';
import { decodeAnalysis, type EncodedAnalysis } from '../profile/analysis-codec.js';
import type { IntegerSlab } from '../shared/integer-slab.js';
import { LruCache } from '../shared/lru-cache.js';
import { estimateTokens } from '../tokens/estimate-tokens.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import { factMask, figureRangesOf } from './fact-features.js';
import { scanSentence } from './scan-sentence.js';
import { isBoilerplateLine, normalizeWhitespace } from './strip-boilerplate.js';
import { hasDigit } from './text-terms.js';
import { Vocabulary } from './vocabulary.js';
import { KeyOccurrences } from './key-occurrences.js';

export { KeyOccurrences, keyLookup, type KeyLookup } from './key-occurrences.js';

/**
 * What compression knows about each sentence of a chunk, as `SENTENCE_FIELDS` integers a
 * sentence in `ChunkAnalysis.sentences` (sentences numbered from 0 in reading order across the
 * chunk's lines). Flat arrays rather than an object a sentence: a request reads a thousand
 * sentences, and objects, their texts and their shingle lists were most of its time and garbage.
 */
export const SENTENCE = {
  /** Index of its line in `ChunkAnalysis.lines`. */
  line: 0,
  /** Its range in the line's text. */
  start: 1,
  end: 2,
  /**
   * The calibrated estimate of its tokens (`estimateTokens`). Not a count: compression gives each
   * sentence its share of the chunk's count in proportion to it (`TokenShares`).
   */
  estimate: 3,
  /** How many terms it has (its keys are in the chunk's `keys`). */
  length: 4,
  /** `FACT` bits. */
  facts: 5,
  /** 1 when it opens like "It …" or "This …": it leans on the sentence before. */
  continuation: 6,
  /** Where its word 3-gram shingles end in `ChunkAnalysis.shingleList` (they start where the previous sentence's end). */
  shinglesEnd: 7,
  /** Where its literal figures end in `ChunkAnalysis.figureRanges`, in pairs (likewise). */
  figuresEnd: 8,
} as const;
export const SENTENCE_FIELDS = 9;

/** One non-blank line of a chunk, whitespace collapsed. */
export interface LineAnalysis {
  readonly text: string;
  /** Navigation, legal footer, cookie banner and the like, by pattern. */
  readonly boilerplate: boolean;
  /** Could be site furniture if it recurs in another chunk: short, no figures, not a table row. */
  readonly furnitureKey: string | undefined;
  /** A heading or label line ("Battery coverage", "## Billing"): its relevance carries to what follows. */
  readonly heading: boolean;
  /** Its sentences: `sentenceCount` of them from `firstSentence`. */
  readonly firstSentence: number;
  readonly sentenceCount: number;
}

/** A chunk taken apart for compression; depends only on its text. */
export interface ChunkAnalysis {
  readonly lines: readonly LineAnalysis[];
  /** How many sentences, and their `SENTENCE_FIELDS` integers each (`SENTENCE`). */
  readonly sentenceCount: number;
  readonly sentences: Int32Array;
  /** Every sentence's shingles, one after the other (`sentenceShingles`). */
  readonly shingleList: Int32Array;
  /** Every sentence's figures as ranges of its line's text, start and end (`sentenceFigures`). */
  readonly figureRanges: Int32Array;
  /** Where each key occurs. */
  readonly keys: KeyOccurrences;
  /** The sentences' estimates added up. */
  readonly estimate: number;
}

/** Sentence `sentence`'s `field` (`SENTENCE`). */
export function sentenceField(analysis: ChunkAnalysis, sentence: number, field: number): number {
  return analysis.sentences[sentence * SENTENCE_FIELDS + field] ?? 0;
}

/** The text of sentence `sentence`. */
export function sentenceText(analysis: ChunkAnalysis, sentence: number): string {
  const base = sentence * SENTENCE_FIELDS;
  const line = analysis.lines[analysis.sentences[base + SENTENCE.line] ?? 0]?.text ?? '';
  const start = analysis.sentences[base + SENTENCE.start] ?? 0;
  const end = analysis.sentences[base + SENTENCE.end] ?? 0;
  return start === 0 && end === line.length ? line : line.slice(start, end);
}

/** Where sentence `sentence`'s shingles start in `shingleList` (they end at its `shinglesEnd`). */
export function shinglesStart(analysis: ChunkAnalysis, sentence: number): number {
  return sentence === 0 ? 0 : (analysis.sentences[(sentence - 1) * SENTENCE_FIELDS + SENTENCE.shinglesEnd] ?? 0);
}

/** The shingles of sentence `sentence`. */
export function sentenceShingles(analysis: ChunkAnalysis, sentence: number): number[] {
  return Array.from(analysis.shingleList.subarray(shinglesStart(analysis, sentence), sentenceField(analysis, sentence, SENTENCE.shinglesEnd)));
}

/** The literal figures of sentence `sentence`, in order. */
export function sentenceFigures(analysis: ChunkAnalysis, sentence: number): readonly string[] {
  const start = sentence === 0 ? 0 : sentenceField(analysis, sentence - 1, SENTENCE.figuresEnd);
  const end = sentenceField(analysis, sentence, SENTENCE.figuresEnd);
  if (end === start) return NO_FIGURES;
  const line = analysis.lines[sentenceField(analysis, sentence, SENTENCE.line)]?.text ?? '';
  const figures: string[] = [];
  for (let index = start; index < end; index += 2) figures.push(line.slice(analysis.figureRanges[index] ?? 0, analysis.figureRanges[index + 1] ?? 0));
  return figures;
}

/**
 * Analyses by chunk text, shared across requests and models: retrieved chunks recur, and
 * analysing them is most of compression's cost. Keyed by the text itself (the analysis holds its
 * sentences anyway, and the engine hashes strings natively); least recently used evicted first.
 * Its analyses look words up in `vocabulary`, so a word is stemmed and classified once, not at
 * each occurrence; caches can share one.
 */
export class ChunkAnalysisCache {
  private readonly cache: LruCache<ChunkAnalysis>;

  /** Holds up to `maxEntries` chunks (0 turns caching off). */
  constructor(
    readonly maxEntries = 2048,
    readonly vocabulary: Vocabulary = new Vocabulary(),
  ) {
    this.cache = new LruCache<ChunkAnalysis>(maxEntries);
  }

  /** The analysis of `text`, computed on a miss. */
  getOrCompute(text: string, compute: () => ChunkAnalysis): ChunkAnalysis {
    return this.cache.getOrCompute(text, compute);
  }
}

const CONTINUATION = /^(?:it|its|this|that|these|those|they|their|he|she|after that|then|once|otherwise|if so|in that case|however|also|and)\b/i;
// Figure-free sentences share one empty list: figure lists are read-only.
const NO_FIGURES: readonly string[] = [];

/**
 * The analysis of `text`: read from `encoded` (the analysis its ingestion profile recorded,
 * `profile/chunk-profile.ts`) when given, else from `cache` when it has been analysed before,
 * else computed. A recorded analysis is read anew each time rather than cached: reading it costs
 * about what hashing the text for the cache would, and cached ones would only churn the cache
 * (and the collector) when chunks keep coming new. One that does not fit the text is ignored.
 * With `slab`, a recorded analysis' integers are read into it (see `IntegerSlab`: the analysis
 * is good until the slab is reset).
 */
export function analyzeChunk(text: string, cache: ChunkAnalysisCache, encoded?: EncodedAnalysis, slab?: IntegerSlab): ChunkAnalysis {
  return (encoded === undefined ? undefined : tryDecode(text, encoded, slab)) ?? cache.getOrCompute(text, () => analyze(text, cache.vocabulary));
}

function tryDecode(text: string, encoded: EncodedAnalysis, slab: IntegerSlab | undefined): ChunkAnalysis | undefined {
  try {
    return decodeAnalysis(text, encoded, slab);
  } catch {
    return undefined;
  }
}

function analyze(text: string, vocabulary: Vocabulary): ChunkAnalysis {
  const lines: LineAnalysis[] = [];
  const keys = KeyOccurrences.collecting();
  const sentences: number[] = [];
  const shingles: number[] = [];
  const figures: number[] = [];
  let estimate = 0;
  let ordinal = 0;
  for (const raw of text.split('\n')) {
    const line = normalizeWhitespace(raw);
    if (line === '') continue;
    const ranges = joinAbbreviationSplits(line, splitSentences(line));
    const firstSentence = ordinal;
    for (const range of ranges) {
      const sentence = range.start === 0 && range.end === line.length ? line : line.slice(range.start, range.end);
      const scan = scanSentence(sentence, vocabulary);
      for (const key of scan.keys) keys.add(ordinal, key);
      const sentenceEstimate = estimateTokens(sentence);
      estimate += sentenceEstimate;
      for (const shingle of scan.shingles) shingles.push(shingle);
      if (scan.digit) for (const offset of figureRangesOf(sentence)) figures.push(range.start + offset);
      sentences.push(lines.length, range.start, range.end, sentenceEstimate, scan.terms, factMask(sentence, scan), CONTINUATION.test(sentence) ? 1 : 0, shingles.length, figures.length);
      ordinal += 1;
    }
    const words = wordCount(line);
    const furniture = words <= 12 && !hasDigit(line) && !line.startsWith('|');
    lines.push({
      text: line,
      boilerplate: isBoilerplateLine(line),
      furnitureKey: furniture ? line.toLowerCase() : undefined,
      heading: ranges.length === 1 && isHeading(line, words),
      firstSentence,
      sentenceCount: ranges.length,
    });
  }
  // One buffer for the three: a typed array costs far more to make than a view of one.
  const buffer = new Int32Array(sentences.length + shingles.length + figures.length);
  buffer.set(sentences);
  buffer.set(shingles, sentences.length);
  buffer.set(figures, sentences.length + shingles.length);
  return {
    lines,
    sentenceCount: ordinal,
    sentences: buffer.subarray(0, sentences.length),
    shingleList: buffer.subarray(sentences.length, sentences.length + shingles.length),
    figureRanges: buffer.subarray(sentences.length + shingles.length),
    keys,
    estimate,
  };
}

// Chunk counts by analysis and counter (`countChunk`); they go with their analysis. Apart from
// the analysis, so one that is never counted (its count given) carries no map.
const chunkCounts = new WeakMap<ChunkAnalysis, WeakMap<TokenCounter, number>>();

/**
 * The tokens of the chunk `text` (analysed as `analysis`) by `counter`, remembered with the
 * analysis: a chunk retrieved again is not hashed and looked up in the counter's cache again.
 */
export function countChunk(analysis: ChunkAnalysis, text: string, counter: TokenCounter): number {
  let counts = chunkCounts.get(analysis);
  if (counts === undefined) {
    counts = new WeakMap();
    chunkCounts.set(analysis, counts);
  }
  let tokens = counts.get(counter);
  if (tokens === undefined) {
    tokens = counter.count(text);
    counts.set(counter, tokens);
  }
  return tokens;
}

/**
 * Re-joins sentences the splitter cut after an abbreviation such as "p.m." or "U.S." when the
 * next one starts with a short capitalised code or a figure ("4:00 p.m. ET on a business day"),
 * so a time and its zone stay one fact.
 */
function joinAbbreviationSplits(line: string, ranges: readonly TextRange[]): readonly TextRange[] {
  if (ranges.length < 2) return ranges;
  const joined: TextRange[] = [];
  for (const range of ranges) {
    const previous = joined[joined.length - 1];
    if (previous !== undefined && endsWithInitials(line, previous) && /^(?:[A-Z]{2,4}\b|\d)/.test(line.slice(range.start, range.end))) {
      joined[joined.length - 1] = { start: previous.start, end: range.end };
    } else joined.push(range);
  }
  return joined;
}

// "p.m.", "U.S.": two or more single letters with periods at the end. The regex is only tried
// when the range ends in ".x." (any x), which every match does.
function endsWithInitials(line: string, range: TextRange): boolean {
  const { start, end } = range;
  if (end - start < 4 || line.charCodeAt(end - 1) !== 0x2e || line.charCodeAt(end - 3) !== 0x2e) return false;
  return /(?:\b[a-z]\.){2,}$/i.test(line.slice(start, end));
}

// Words as `line.split(' ')` counts them: one more than the spaces.
function wordCount(line: string): number {
  let spaces = 0;
  for (let index = 0; index < line.length; index += 1) if (line.charCodeAt(index) === 0x20) spaces += 1;
  return spaces + 1;
}

// "## Billing", "Battery coverage", "PLAN", "Section 5: Lodging": short, no sentence punctuation.
function isHeading(line: string, words: number): boolean {
  if (line.startsWith('#')) return true;
  return words <= 8 && !/[.!?]["'”)]?$/.test(line) && !line.startsWith('|') && !/^[-*•\d]/.test(line);
}
