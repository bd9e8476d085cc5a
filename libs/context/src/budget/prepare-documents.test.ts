import { readFileSync } from 'node:fs';
import type { ChatMessage } from '#libs/contracts';
import { loadTokenizer, type Tokenizer } from '#libs/rag';
import { ChunkAnalysisCache } from '../compress/analyze-chunk.js';
import { parseCompressionEvalItems } from '../eval/compression-eval-item.js';
import { profileChunk } from '../profile/chunk-profile.js';
import { createTokenizerCounter, type TokenCounter } from '../tokens/token-counter.js';
import { parseContextBudgetPolicy } from './budget-policy.js';
import type { RetrievedDocument } from './context-report.js';
import type { PlanContextInput } from './plan-context.js';
import { prepareDocuments } from './prepare-documents.js';

const items = parseCompressionEvalItems(JSON.parse(readFileSync(new URL('../__fixtures__/compression-eval.json', import.meta.url), 'utf8')));
const item = items[7];
if (item === undefined) throw new Error('fixture too short');

let counter: TokenCounter;
let tokenizers: Tokenizer[];
beforeAll(async () => {
  tokenizers = [await loadTokenizer('o200k_base'), await loadTokenizer('cl100k_base')];
  counter = createTokenizerCounter(tokenizers[0] as Tokenizer, { cacheSize: 0 });
});

/** The counter, recording every text it counts. */
function spying(): { counter: TokenCounter; counted: string[] } {
  const counted: string[] = [];
  return { counted, counter: { ...counter, count: (text) => (counted.push(text), counter.count(text)) } };
}

const documents = (given?: 'o200k_base' | 'cl100k_base'): RetrievedDocument[] =>
  item.context.map((text, index) => ({ id: `d${index}`, text, score: 1 - index / 10, ...(given === undefined ? {} : { tokens: counter.count(text), tokenEncoding: given }) }));

// Documents kept whole are passed on as given, profile and all: compare without it.
const withoutProfiles = (prepared: ReturnType<typeof prepareDocuments>) => ({
  ...prepared,
  candidates: prepared.candidates.map((candidate) => ({ ...candidate, document: { id: candidate.document.id, text: candidate.document.text, score: candidate.document.score } })),
});

const input = (overrides: Partial<PlanContextInput>): PlanContextInput => ({
  counter,
  window: 100_000,
  policy: parseContextBudgetPolicy({ compression: { enabled: true, targetRatio: 0.5 } }),
  system: [],
  history: [],
  query: { role: 'user', content: item.question } satisfies ChatMessage,
  documents: documents(),
  analysisCache: new ChunkAnalysisCache(0),
  ...overrides,
});

describe('prepareDocuments', () => {
  it('takes counts given in the counter\'s encoding instead of counting the documents', () => {
    for (const compression of [true, false]) {
      const spy = spying();
      const policy = parseContextBudgetPolicy({ compression: { enabled: compression } });
      prepareDocuments(input({ counter: spy.counter, documents: documents('o200k_base'), policy }), 100_000, 8);
      expect(spy.counted).toEqual([]);
    }
  });

  it('counts documents whose counts are in another encoding', () => {
    const spy = spying();
    const prepared = prepareDocuments(input({ counter: spy.counter, documents: documents('cl100k_base'), policy: parseContextBudgetPolicy({}) }), 100_000, 8);
    expect(spy.counted).toEqual(item.context);
    expect(prepared.candidates.map((candidate) => candidate.tokens)).toEqual(item.context.map((text) => counter.count(text)));
  });

  it('takes the counts and analyses of the documents\' ingestion profiles instead of counting or analysing them', () => {
    for (const compression of [true, false]) {
      const spy = spying();
      const policy = parseContextBudgetPolicy({ compression: { enabled: compression } });
      const profiled = documents().map((document) => ({ ...document, profile: profileChunk(document.text, tokenizers) }));
      const cache = new ChunkAnalysisCache(0);
      const prepared = prepareDocuments(input({ counter: spy.counter, documents: profiled, policy, analysisCache: cache }), 100_000, 8);
      expect(spy.counted).toEqual([]);
      // Analysing a chunk would have taken its words into the cache's vocabulary.
      expect(cache.vocabulary.size).toBe(0);
      expect(withoutProfiles(prepared)).toEqual(prepareDocuments(input({ policy }), 100_000, 8));
    }
  });

  it('counts documents whose profiles are of another text, or were counted in another encoding only', () => {
    const spy = spying();
    const cl100kOnly = documents().map((document) => ({ ...document, profile: profileChunk(document.text, tokenizers.slice(1)) }));
    prepareDocuments(input({ counter: spy.counter, documents: cl100kOnly, policy: parseContextBudgetPolicy({}) }), 100_000, 8);
    expect(spy.counted).toEqual(item.context);
    const other = spying();
    const stale = documents().map((document) => ({ ...document, profile: profileChunk(`${document.text} (edited)`, tokenizers) }));
    const prepared = prepareDocuments(input({ counter: other.counter, documents: stale }), 100_000, 8);
    expect(other.counted).toEqual(item.context);
    expect(withoutProfiles(prepared)).toEqual(prepareDocuments(input({}), 100_000, 8));
  });

  it('rejects a given count that is not a non-negative integer', () => {
    const broken = documents('o200k_base').map((document) => ({ ...document, tokens: -1 }));
    expect(() => prepareDocuments(input({ documents: broken }), 100_000, 8)).toThrow(RangeError);
  });

  it('keeps estimated figures for compressed documents while they fit the room at their upper bounds', () => {
    const spy = spying();
    const prepared = prepareDocuments(input({ counter: spy.counter, documents: documents('o200k_base') }), 100_000, 8);
    expect(spy.counted).toEqual([]);
    const tokensAfter = prepared.candidates.reduce((sum, candidate) => sum + candidate.tokens, 0);
    expect(prepared.compressed?.tokensAfter).toBe(tokensAfter);
    expect(prepared.compressed?.tokensSaved).toBe((prepared.compressed?.tokensBefore ?? 0) - tokensAfter);
    // Given counts belong to the original texts: a compressed document leaves them behind.
    for (const candidate of prepared.candidates) if (candidate.document.text !== item.context[Number(candidate.document.id.slice(1))]) expect(candidate.document.tokens).toBeUndefined();
  });

  it('counts the compressed texts exactly when the room is tighter than their upper bounds', () => {
    const roomy = prepareDocuments(input({ documents: documents('o200k_base') }), 100_000, 8);
    const estimated = roomy.candidates.reduce((sum, candidate) => sum + candidate.tokens + 8, 0);
    const spy = spying();
    const tight = prepareDocuments(input({ counter: spy.counter, documents: documents('o200k_base') }), estimated, 8);
    expect(spy.counted.length).toBeGreaterThan(0);
    expect(tight.candidates.map((candidate) => candidate.document.text)).toEqual(roomy.candidates.map((candidate) => candidate.document.text));
    expect(tight.candidates.map((candidate) => candidate.tokens)).toEqual(tight.candidates.map((candidate) => counter.count(candidate.document.text)));
    expect(tight.compressed?.tokensAfter).toBe(tight.candidates.reduce((sum, candidate) => sum + candidate.tokens, 0));
  });
});
