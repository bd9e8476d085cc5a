import { readFileSync } from 'node:fs';
import { AWKWARD_CHARACTERS, MULTILINGUAL_SAMPLES, randomText, seededRandom } from '../testing/awkward-text.js';
import { referenceAnalyze } from '../testing/reference-chunk-analysis.js';
import { linesOf, sentenceBags, sentencesOf } from '../testing/sentence-view.js';
import { estimateTokens } from '../tokens/estimate-tokens.js';
import { createTokenCounterFrom } from '../tokens/token-counter.js';
import { analyzeChunk, ChunkAnalysisCache, countChunk, type ChunkAnalysis } from './analyze-chunk.js';

const fixture = JSON.parse(readFileSync(new URL('../__fixtures__/compression-eval.json', import.meta.url), 'utf8')) as { question: string; context: string[] }[];

/**
 * The analysis in the reference's shape: no estimates, and shingles
 * translated to the reference's values. Shingles hash the same word 3-grams differently now, so
 * they must correspond one to one: every reference value always meets the same new value, and
 * the other way round (the same 3-grams shared, none merged by a collision).
 */
class Comparison {
  private readonly toReference = new Map<number, number>();
  private readonly fromReference = new Map<number, number>();

  comparable(analysis: ChunkAnalysis, reference: ReturnType<typeof referenceAnalyze>) {
    const bags = sentenceBags(analysis);
    let ordinal = 0;
    return linesOf(analysis).map((line, lineIndex) => ({
      ...line,
      sentences: line.sentences.map(({ estimate: _estimate, shingles, ...sentence }, sentenceIndex) => ({
        ...sentence,
        bag: bags[ordinal++] ?? new Map<string, number>(),
        figures: new Set(sentence.figures),
        shingles: this.translate(shingles, reference[lineIndex]?.sentences[sentenceIndex]?.shingles ?? []),
      })),
    }));
  }

  private translate(shingles: readonly number[], expected: readonly number[]): number[] {
    return shingles.map((shingle, index) => {
      const wanted = expected[index];
      if (wanted === undefined) return -1;
      const known = this.toReference.get(shingle);
      if (known !== undefined) return known;
      if (this.fromReference.has(wanted)) return -2;
      this.toReference.set(shingle, wanted);
      this.fromReference.set(wanted, shingle);
      return wanted;
    });
  }
}

const matches = (comparison: Comparison, chunk: string) => {
  const reference = referenceAnalyze(chunk);
  return { chunk, lines: comparison.comparable(analyzeChunk(chunk, new ChunkAnalysisCache(0)), reference), expected: reference };
};


describe('analyzeChunk', () => {
  const text = '## Billing\nOrders placed before 4:00 p.m. ET ship the same day. It takes 2 days.\n\nHome | Shop | Help\n| Plan | Price |';

  it('splits lines and sentences, keeping a time and its zone together, and flags headings and furniture', () => {
    const analysis = analyzeChunk(text, new ChunkAnalysisCache(0));
    expect(analysis.lines.map((line) => line.text)).toEqual(['## Billing', 'Orders placed before 4:00 p.m. ET ship the same day. It takes 2 days.', 'Home | Shop | Help', '| Plan | Price |']);
    expect(linesOf(analysis)[1]?.sentences.map((sentence) => sentence.text)).toEqual(['Orders placed before 4:00 p.m. ET ship the same day.', 'It takes 2 days.']);
    expect(analysis.lines.map((line) => line.heading)).toEqual([true, false, true, false]);
    expect(analysis.lines[2]?.boilerplate).toBe(true);
    expect(analysis.lines[3]?.furnitureKey).toBeUndefined();
    expect(linesOf(analysis)[1]?.sentences[1]?.continuation).toBe(true);
    expect(analysis.lines.map((line) => [line.firstSentence, line.sentenceCount])).toEqual([[0, 1], [1, 2], [3, 1], [4, 1]]);
    expect(sentencesOf(analysis)[1]?.figures).toEqual(['4:00']);
  });

  it('estimates every sentence and adds the estimates up', () => {
    const analysis = analyzeChunk(text, new ChunkAnalysisCache(0));
    const sentences = sentencesOf(analysis);
    expect(sentences.map((sentence) => sentence.estimate)).toEqual(sentences.map((sentence) => estimateTokens(sentence.text)));
    expect(analysis.estimate).toBe(sentences.reduce((sum, sentence) => sum + sentence.estimate, 0));
    expect(analysis.shingleList.length).toBe(sentences.reduce((sum, sentence) => sum + sentence.shingles.length, 0));
  });

  it('remembers the chunk count of each counter with the analysis', () => {
    const analysis = analyzeChunk(text, new ChunkAnalysisCache(0));
    const counted: string[] = [];
    const counter = createTokenCounterFrom('other', false, (chunk) => (counted.push(chunk), chunk.length), { cacheSize: 0 });
    expect(countChunk(analysis, text, counter)).toBe(text.length);
    expect(countChunk(analysis, text, counter)).toBe(text.length);
    expect(counted).toEqual([text]);
    expect(countChunk(analysis, text, createTokenCounterFrom('other', false, () => 7, { cacheSize: 0 }))).toBe(7);
  });

  it('analyses a text once while it stays in the cache, whatever the model', () => {
    const cache = new ChunkAnalysisCache(4);
    const first = analyzeChunk(text, cache);
    expect(analyzeChunk(text, cache)).toBe(first);
    expect(analyzeChunk(text, new ChunkAnalysisCache(0))).not.toBe(first);
  });
});

describe('analyzeChunk against the regex analysis it replaced', () => {
  it('finds the same lines, sentences, terms, facts, figures and shingles in every fixture chunk', () => {
    const comparison = new Comparison();
    for (const chunk of fixture.flatMap((item) => item.context)) {
      const { lines, expected } = matches(comparison, chunk);
      expect({ chunk, lines }).toEqual({ chunk, lines: expected });
    }
  });

  it('does so on other scripts, code, figures and emoji', () => {
    const comparison = new Comparison();
    for (const chunk of MULTILINGUAL_SAMPLES) {
      const { lines, expected } = matches(comparison, chunk);
      expect({ chunk, lines }).toEqual({ chunk, lines: expected });
    }
  });

  it('does so on 3,000 random texts of awkward characters, words and figures', () => {
    const random = seededRandom(27_112_026);
    const alphabet = [...AWKWARD_CHARACTERS, ...FACT_WORDS.map((word) => ` ${word} `)];
    const comparison = new Comparison();
    const differences: string[] = [];
    for (let run = 0; run < 3_000; run += 1) {
      const { chunk, lines, expected } = matches(comparison, randomText(random, alphabet, 20 + Math.floor(random() * 200)));
      if (!isEqual(lines, expected)) differences.push(chunk);
    }
    expect(differences.slice(0, 3)).toEqual([]);
  });
});

// Words and figures the fact patterns look for, so random texts hit them.
const FACT_WORDS = [
  '$12.50', '€3', '£1,200', '¥80', 'US$5', '40 USD', '7usd', '30 cents', '99.9%', '12 %', '5 days', '5-day', '3days', '10 to 12 weeks', '2 business days', '500g', '1,000km',
  'one day', 'Two-week', 'thirty minutes', "x'one day", '2024-03-15', '3/4/24', 'March 5', 'Sept. 9', '9 Dec', '1999', '4:00 p.m.', '11am', '14:30', 'noon', 'Midnight',
  '1450 Industrial Pkwy', '12 Baker Street', 'Dr. Okafor', 'Mr.Smith', 'Jane Doe', 'New York City', '"a quoted remark here"', '“quoted words here”', 'Hall B', 'Room 12', 'Suite 200',
  'Monday', "Friday's", 'percent', 'percentage', 'basis points', 'U.S. ET', 'p.m. PST', 'It', 'However,', 'Q3', 'YoY', 'company’s', "it's", 'İstanbul', 'ΟΔΟΣ', '_one day',
];

function isEqual(left: unknown, right: unknown): boolean {
  try {
    expect(left).toEqual(right);
    return true;
  } catch {
    return false;
  }
}
