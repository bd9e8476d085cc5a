import { SENTENCE, SENTENCE_FIELDS, type ChunkAnalysis, type LineAnalysis } from '../compress/analyze-chunk.js';
import { KeyOccurrences } from '../compress/key-occurrences.js';
import { normalizeWhitespace } from '../compress/strip-boilerplate.js';
import { fnv1a } from '../shared/fnv1a.js';
import type { IntegerSlab } from '../shared/integer-slab.js';
import { buildKeyFilter } from './key-filter.js';
import { FIXED_WIDTH, packedBytes, PackedIntegerReader, PackedIntegerWriter } from './packed-integers.js';

/**
 * A chunk's analysis (`analyzeChunk`) written down at ingestion, so a request reads it back
 * instead of analysing the text again. Texts are not copied: lines are ranges of the chunk,
 * sentences and figures ranges of their line. A request reads the lines and sentences (ranges,
 * estimates, fact bits, term counts, shingles, figure ranges) straight into the analysis' flat
 * arrays, but looks up only the query's keys in `keys`, and only those `filter` lets through,
 * so its cost does not grow with the chunk's vocabulary.
 */
export interface EncodedAnalysis {
  /** A Bloom filter over the keys (`key-filter.ts`). */
  readonly filter: string;
  /**
   * Every key (term or prefix) with the sentences holding it: ` key:<packed sentence, count, …>`
   * for each key, in the order keys first occur. Keys hold no space or colon.
   */
  readonly keys: string;
  /** The lines and sentences as packed integers (`packed-integers.ts`), the shingles last, in fixed width. */
  readonly data: string;
}

// A bound on a decoded analysis' integers, so a damaged profile cannot ask for a huge array: far above any chunk's (8,000 tokens at most).
const MAX_INTEGERS = 1 << 22;

const BOILERPLATE = 1;
const FURNITURE = 2;
const HEADING = 4;
// The raw line is not its analysed text: whitespace was collapsed or trimmed.
const NORMALIZED = 8;

/**
 * The analysis of `text` written down, or undefined when it cannot be: a key with a space or a
 * colon, lines that are not the text's. The encoding is read back and compared with `analysis`
 * before it is returned, so what a request decodes is always what it would have computed.
 */
export function encodeAnalysis(text: string, analysis: ChunkAnalysis): EncodedAnalysis | undefined {
  const { sentences, shingleList, figureRanges } = analysis;
  const data = new PackedIntegerWriter();
  data.write(analysis.lines.length);
  data.write(analysis.sentenceCount);
  data.write(figureRanges.length);
  data.write(shingleList.length);
  const rawLines = text.split('\n');
  let rawIndex = 0;
  let rawStart = 0;
  let previousEnd = 0;
  for (const line of analysis.lines) {
    // The raw line this analysed line came from: the next one that is not blank once normalised.
    let raw: string | undefined;
    while (rawIndex < rawLines.length) {
      const candidate = rawLines[rawIndex] ?? '';
      const start = rawStart;
      rawIndex += 1;
      rawStart += candidate.length + 1;
      if (normalizeWhitespace(candidate) === '') continue;
      raw = candidate;
      data.write(start - previousEnd);
      data.write(candidate.length);
      previousEnd = start + candidate.length;
      break;
    }
    if (raw === undefined || normalizeWhitespace(raw) !== line.text) return undefined;
    data.write((line.boilerplate ? BOILERPLATE : 0) | (line.furnitureKey !== undefined ? FURNITURE : 0) | (line.heading ? HEADING : 0) | (raw === line.text ? 0 : NORMALIZED));
    data.write(line.sentenceCount);
    let sentenceEnd = 0;
    for (let sentence = line.firstSentence; sentence < line.firstSentence + line.sentenceCount; sentence += 1) {
      const field = (offset: number): number => sentences[sentence * SENTENCE_FIELDS + offset] ?? 0;
      const previous = (offset: number): number => (sentence === 0 ? 0 : (sentences[(sentence - 1) * SENTENCE_FIELDS + offset] ?? 0));
      data.write(field(SENTENCE.start) - sentenceEnd);
      data.write(field(SENTENCE.end) - field(SENTENCE.start));
      sentenceEnd = field(SENTENCE.end);
      data.write(field(SENTENCE.estimate));
      data.write(field(SENTENCE.length));
      data.write(field(SENTENCE.facts));
      data.write(field(SENTENCE.continuation));
      data.write(field(SENTENCE.shinglesEnd) - previous(SENTENCE.shinglesEnd));
      const figuresFrom = previous(SENTENCE.figuresEnd);
      data.write((field(SENTENCE.figuresEnd) - figuresFrom) / 2);
      let figureEnd = field(SENTENCE.start);
      for (let index = figuresFrom; index < field(SENTENCE.figuresEnd); index += 2) {
        data.write((figureRanges[index] ?? 0) - figureEnd);
        data.write((figureRanges[index + 1] ?? 0) - (figureRanges[index] ?? 0));
        figureEnd = figureRanges[index + 1] ?? 0;
      }
    }
  }
  for (const shingle of shingleList) data.writeFixed(shingle);
  const keys: string[] = [];
  const hashes: number[] = [];
  for (const [key, occurrences] of analysis.keys.entries()) {
    if (key === '' || key.includes(' ') || key.includes(':')) return undefined;
    const packed = new PackedIntegerWriter();
    for (const value of occurrences) packed.write(value);
    keys.push(` ${key}:${packed.finish()}`);
    hashes.push(fnv1a(key));
  }
  const encoded = { filter: buildKeyFilter(hashes), keys: keys.join(''), data: data.finish() };
  return sameAnalysis(decodeAnalysis(text, encoded), analysis) ? encoded : undefined;
}

// Bytes of the packed data being read; decoding is synchronous, so one buffer serves every call.
let scratch = new Uint8Array(4096);

/**
 * The analysis `encoded` holds for `text`; throws a `RangeError` when it does not fit the text.
 * Its integers go into arrays taken from `slab` when given (good until it is reset), else into
 * an array of their own.
 */
export function decodeAnalysis(text: string, encoded: EncodedAnalysis, slab?: IntegerSlab): ChunkAnalysis {
  const { data } = encoded;
  if (scratch.length < data.length * 3) scratch = new Uint8Array(data.length * 3);
  const bytes = packedBytes(data, scratch);
  const head = new PackedIntegerReader(bytes, 0, data.length);
  const lineCount = head.read();
  const sentenceCount = head.read();
  const figureValues = head.read();
  const shingleCount = head.read();
  const shinglesAt = data.length - shingleCount * FIXED_WIDTH;
  if (shinglesAt < 0) throw new RangeError(`${shingleCount} shingles do not fit ${data.length} characters`);
  const reader = new PackedIntegerReader(bytes, 0, shinglesAt);
  for (let index = 0; index < 4; index += 1) reader.read();

  // One array for the three, views of it: a typed array costs far more to make than a view.
  const size = sentenceCount * SENTENCE_FIELDS + shingleCount + figureValues;
  if (size > MAX_INTEGERS) throw new RangeError(`${size} integers is more than a chunk's analysis holds`);
  const buffer = slab === undefined ? new Int32Array(size) : slab.take(size);
  const sentences = buffer.subarray(0, sentenceCount * SENTENCE_FIELDS);
  const shingleList = buffer.subarray(sentences.length, sentences.length + shingleCount);
  const figureRanges = buffer.subarray(sentences.length + shingleCount, size);
  const lines: LineAnalysis[] = [];
  let estimate = 0;
  let sentence = 0;
  let shingles = 0;
  let figures = 0;
  let rawEnd = 0;
  for (let lineIndex = 0; lineIndex < lineCount; lineIndex += 1) {
    const start = rawEnd + reader.read();
    rawEnd = start + reader.read();
    if (rawEnd > text.length) throw new RangeError(`line ends at ${rawEnd}, past the text's ${text.length}`);
    const flags = reader.read();
    const raw = text.slice(start, rawEnd);
    const lineText = (flags & NORMALIZED) === 0 ? raw : normalizeWhitespace(raw);
    const count = reader.read();
    if (sentence + count > sentenceCount) throw new RangeError(`more than ${sentenceCount} sentences`);
    lines.push({
      text: lineText,
      boilerplate: (flags & BOILERPLATE) !== 0,
      furnitureKey: (flags & FURNITURE) !== 0 ? lineText.toLowerCase() : undefined,
      heading: (flags & HEADING) !== 0,
      firstSentence: sentence,
      sentenceCount: count,
    });
    let sentenceEnd = 0;
    for (let index = 0; index < count; index += 1, sentence += 1) {
      const sentenceStart = sentenceEnd + reader.read();
      sentenceEnd = sentenceStart + reader.read();
      if (sentenceEnd > lineText.length) throw new RangeError(`sentence ends at ${sentenceEnd}, past its line's ${lineText.length}`);
      const sentenceEstimate = reader.read();
      estimate += sentenceEstimate;
      const field = sentence * SENTENCE_FIELDS;
      sentences[field + SENTENCE.line] = lineIndex;
      sentences[field + SENTENCE.start] = sentenceStart;
      sentences[field + SENTENCE.end] = sentenceEnd;
      sentences[field + SENTENCE.estimate] = sentenceEstimate;
      sentences[field + SENTENCE.length] = reader.read();
      sentences[field + SENTENCE.facts] = reader.read();
      sentences[field + SENTENCE.continuation] = reader.read();
      shingles += reader.read();
      const figureCount = reader.read();
      let figureEnd = sentenceStart;
      if (figures + figureCount * 2 > figureValues || shingles > shingleCount) throw new RangeError(`more than ${figureValues / 2} figures`);
      for (let figure = 0; figure < figureCount; figure += 1) {
        const figureStart = figureEnd + reader.read();
        figureEnd = figureStart + reader.read();
        if (figureEnd > sentenceEnd) throw new RangeError(`figure ends at ${figureEnd}, past its sentence's ${sentenceEnd}`);
        figureRanges[figures] = figureStart;
        figureRanges[figures + 1] = figureEnd;
        figures += 2;
      }
      sentences[field + SENTENCE.shinglesEnd] = shingles;
      sentences[field + SENTENCE.figuresEnd] = figures;
    }
  }
  if (!reader.done || sentence !== sentenceCount || shingles !== shingleCount || figures !== figureValues) throw new RangeError('packed analysis does not add up');
  const fixed = new PackedIntegerReader(bytes, shinglesAt, data.length);
  for (let index = 0; index < shingleCount; index += 1) shingleList[index] = fixed.readFixed();
  return { lines, sentenceCount, sentences, shingleList, figureRanges, keys: KeyOccurrences.packed(encoded.keys, encoded.filter), estimate };
}


/** Whether two analyses are the same in everything compression reads. */
export function sameAnalysis(left: ChunkAnalysis, right: ChunkAnalysis): boolean {
  if (left.estimate !== right.estimate || left.sentenceCount !== right.sentenceCount || left.lines.length !== right.lines.length) return false;
  if (!sameList(left.sentences, right.sentences) || !sameList(left.shingleList, right.shingleList) || !sameList(left.figureRanges, right.figureRanges)) return false;
  const leftKeys = [...left.keys.entries()];
  const rightKeys = [...right.keys.entries()];
  if (leftKeys.length !== rightKeys.length || !leftKeys.every(([key, occurrences], index) => rightKeys[index]?.[0] === key && sameList(occurrences, rightKeys[index]?.[1] ?? []))) return false;
  return left.lines.every((line, index) => {
    const other = right.lines[index];
    return (
      other !== undefined &&
      line.text === other.text &&
      line.boilerplate === other.boilerplate &&
      line.furnitureKey === other.furnitureKey &&
      line.heading === other.heading &&
      line.firstSentence === other.firstSentence &&
      line.sentenceCount === other.sentenceCount
    );
  });
}

function sameList(left: ArrayLike<number>, right: ArrayLike<number>): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index += 1) if (left[index] !== right[index]) return false;
  return true;
}
