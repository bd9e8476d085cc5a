import { splitSentences, type TextRange } from '#libs/rag';
import { LruCache } from '../shared/lru-cache.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import { factMask, figuresOf } from './fact-features.js';
import { shinglesOf } from './near-duplicates.js';
import { isBoilerplateLine, normalizeWhitespace } from './strip-boilerplate.js';
import { termBag, termsOfWords, wordsOf } from './text-terms.js';

/** What compression needs to know about one sentence, whatever the question. */
export interface SentenceAnalysis {
  readonly text: string;
  readonly tokens: number;
  /** Stemmed terms and their prefixes with counts (`termBag`), and how many terms there are. */
  readonly bag: ReadonlyMap<string, number>;
  readonly length: number;
  /** `FACT` bits. */
  readonly facts: number;
  /** Word 3-gram shingles and literal figures, for near-duplicate detection. */
  readonly shingles: readonly number[];
  readonly figures: ReadonlySet<string>;
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

/** A chunk taken apart for compression; depends only on its text and the counter's family. */
export interface ChunkAnalysis {
  readonly tokens: number;
  readonly lines: readonly LineAnalysis[];
  /** Shingles over all sentences, to size the near-duplicate index. */
  readonly shingles: number;
}

/**
 * Analyses by chunk text, shared across requests: retrieved chunks recur, and analysing them is
 * most of compression's cost. Keyed by the text itself (the analysis holds its sentences anyway,
 * and the engine hashes strings natively), one LRU per counter family.
 */
export class ChunkAnalysisCache {
  private readonly byCounter = new Map<string, LruCache<ChunkAnalysis>>();

  /** Holds up to `maxEntries` chunks per counter family; 0 turns caching off. */
  constructor(readonly maxEntries = 2048) {
    if (!Number.isInteger(maxEntries) || maxEntries < 0) throw new RangeError(`maxEntries must be a non-negative integer, got ${maxEntries}`);
  }

  /** The analysis of `text` for `counter`, computed on a miss. */
  getOrCompute(text: string, counter: TokenCounter, compute: () => ChunkAnalysis): ChunkAnalysis {
    const key = `${counter.family}:${counter.exact ? 'exact' : 'estimate'}`;
    let cache = this.byCounter.get(key);
    if (cache === undefined) {
      cache = new LruCache<ChunkAnalysis>(this.maxEntries);
      this.byCounter.set(key, cache);
    }
    return cache.getOrCompute(text, compute);
  }
}

const CONTINUATION = /^(?:it|its|this|that|these|those|they|their|he|she|after that|then|once|otherwise|if so|in that case|however|also|and)\b/i;

/** The analysis of `text`, from `cache` when it has been analysed before with a counter of the same family. */
export function analyzeChunk(text: string, counter: TokenCounter, cache: ChunkAnalysisCache): ChunkAnalysis {
  return cache.getOrCompute(text, counter, () => analyze(text, counter));
}

function analyze(text: string, counter: TokenCounter): ChunkAnalysis {
  const lines: LineAnalysis[] = [];
  for (const raw of text.split('\n')) {
    const line = normalizeWhitespace(raw);
    if (line === '') continue;
    const ranges = joinAbbreviationSplits(line, splitSentences(line));
    const sentences = ranges.map((range): SentenceAnalysis => {
      const sentence = line.slice(range.start, range.end);
      const words = wordsOf(sentence);
      const terms = termsOfWords(words);
      return {
        text: sentence,
        tokens: counter.count(sentence),
        bag: termBag(terms),
        length: terms.length,
        facts: factMask(sentence),
        shingles: shinglesOf(words),
        figures: new Set(figuresOf(sentence)),
        continuation: CONTINUATION.test(sentence),
      };
    });
    const furniture = !/\d/.test(line) && !line.startsWith('|') && line.split(' ').length <= 12;
    lines.push({
      text: line,
      boilerplate: isBoilerplateLine(line),
      furnitureKey: furniture ? line.toLowerCase() : undefined,
      heading: ranges.length === 1 && isHeading(line),
      sentences,
    });
  }
  const shingles = lines.reduce((sum, line) => sum + line.sentences.reduce((count, sentence) => count + sentence.shingles.length, 0), 0);
  return { tokens: counter.count(text), lines, shingles };
}

/**
 * Re-joins sentences the splitter cut after an abbreviation such as "p.m." or "U.S." when the
 * next one starts with a short capitalised code or a figure ("4:00 p.m. ET on a business day"),
 * so a time and its zone stay one fact.
 */
function joinAbbreviationSplits(line: string, ranges: readonly TextRange[]): TextRange[] {
  const joined: TextRange[] = [];
  for (const range of ranges) {
    const previous = joined[joined.length - 1];
    const next = line.slice(range.start, range.end);
    if (previous !== undefined && /(?:\b[a-z]\.){2,}$/i.test(line.slice(previous.start, previous.end)) && /^(?:[A-Z]{2,4}\b|\d)/.test(next)) {
      joined[joined.length - 1] = { start: previous.start, end: range.end };
    } else joined.push(range);
  }
  return joined;
}

// "## Billing", "Battery coverage", "PLAN", "Section 5: Lodging": short, no sentence punctuation.
function isHeading(line: string): boolean {
  if (line.startsWith('#')) return true;
  return line.split(' ').length <= 8 && !/[.!?]["'”)]?$/.test(line) && !line.startsWith('|') && !/^[-*•\d]/.test(line);
}
