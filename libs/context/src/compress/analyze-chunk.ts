import { splitSentences, type TextRange } from '#libs/rag';
import { LruCache } from '../shared/lru-cache.js';
import { estimateTokens } from '../tokens/estimate-tokens.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import { factMask, figuresOf } from './fact-features.js';
import { scanSentence } from './scan-sentence.js';
import { isBoilerplateLine, normalizeWhitespace } from './strip-boilerplate.js';
import { hasDigit } from './text-terms.js';
import { Vocabulary } from './vocabulary.js';

/** What compression needs to know about one sentence, whatever the question and the model. */
export interface SentenceAnalysis {
  readonly text: string;
  /**
   * The calibrated estimate of its tokens (`estimateTokens`). Not a count: compression gives each
   * sentence its share of the chunk's count in proportion to it (`TokenShares`).
   */
  readonly estimate: number;
  /** Its terms' bag keys in order with repeats (each term, then its prefix: `termKeys`), their `fnv1a` hashes, and how many terms there are. */
  readonly keys: readonly string[];
  readonly keyHashes: readonly number[];
  readonly length: number;
  /** `FACT` bits. */
  readonly facts: number;
  /** Word 3-gram shingles and literal figures, for near-duplicate detection. */
  readonly shingles: readonly number[];
  readonly figures: readonly string[];
  /** Opens like "It …" or "This …": leans on the sentence before. */
  readonly continuation: boolean;
}

/** One non-blank line of a chunk, whitespace collapsed. */
export interface LineAnalysis {
  readonly text: string;
  /** Navigation, legal footer, cookie banner and the like, by pattern. */
  readonly boilerplate: boolean;
  /** Could be site furniture if it recurs in another chunk: short, no figures, not a table row. */
  readonly furnitureKey: string | undefined;
  /** A heading or label line ("Battery coverage", "## Billing"): its relevance carries to what follows. */
  readonly heading: boolean;
  readonly sentences: readonly SentenceAnalysis[];
}

/** A chunk taken apart for compression; depends only on its text. */
export interface ChunkAnalysis {
  /** The chunk's token count by the counters that counted it (`countChunk`). */
  readonly counts: WeakMap<TokenCounter, number>;
  readonly lines: readonly LineAnalysis[];
  /** Shingles over all sentences, to size the near-duplicate index. */
  readonly shingles: number;
  /** The sentences' estimates added up. */
  readonly estimate: number;
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
// Figure-free sentences share one empty list: analyses are read-only.
const NO_FIGURES: readonly string[] = [];

/** The analysis of `text`, from `cache` when it has been analysed before. */
export function analyzeChunk(text: string, cache: ChunkAnalysisCache): ChunkAnalysis {
  return cache.getOrCompute(text, () => analyze(text, cache.vocabulary));
}

function analyze(text: string, vocabulary: Vocabulary): ChunkAnalysis {
  const lines: LineAnalysis[] = [];
  let shingles = 0;
  let estimate = 0;
  for (const raw of text.split('\n')) {
    const line = normalizeWhitespace(raw);
    if (line === '') continue;
    const ranges = joinAbbreviationSplits(line, splitSentences(line));
    const sentences = ranges.map((range) => analyzeSentence(range.start === 0 && range.end === line.length ? line : line.slice(range.start, range.end), vocabulary));
    for (const sentence of sentences) {
      shingles += sentence.shingles.length;
      estimate += sentence.estimate;
    }
    const words = wordCount(line);
    const furniture = words <= 12 && !hasDigit(line) && !line.startsWith('|');
    lines.push({
      text: line,
      boilerplate: isBoilerplateLine(line),
      furnitureKey: furniture ? line.toLowerCase() : undefined,
      heading: ranges.length === 1 && isHeading(line, words),
      sentences,
    });
  }
  return { counts: new WeakMap(), lines, shingles, estimate };
}

/**
 * The tokens of the chunk `text` (analysed as `analysis`) by `counter`, remembered with the
 * analysis: a chunk retrieved again is not hashed and looked up in the counter's cache again.
 */
export function countChunk(analysis: ChunkAnalysis, text: string, counter: TokenCounter): number {
  let tokens = analysis.counts.get(counter);
  if (tokens === undefined) {
    tokens = counter.count(text);
    analysis.counts.set(counter, tokens);
  }
  return tokens;
}

function analyzeSentence(text: string, vocabulary: Vocabulary): SentenceAnalysis {
  const scan = scanSentence(text, vocabulary);
  return {
    text,
    estimate: estimateTokens(text),
    keys: scan.keys,
    keyHashes: scan.keyHashes,
    length: scan.terms,
    facts: factMask(text, scan),
    shingles: scan.shingles,
    figures: scan.digit ? figuresOf(text) : NO_FIGURES,
    continuation: CONTINUATION.test(text),
  };
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
