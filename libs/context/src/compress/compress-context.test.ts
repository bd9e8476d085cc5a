import { readFileSync } from 'node:fs';
import { loadTokenizer } from '#libs/rag';
import { parseCompressionEvalItems } from '../eval/compression-eval-item.js';
import { createEstimatingCounter, createTokenizerCounter, type TokenCounter } from '../tokens/token-counter.js';
import { ChunkAnalysisCache } from './analyze-chunk.js';
import { compressContext } from './compress-context.js';

const items = parseCompressionEvalItems(JSON.parse(readFileSync(new URL('../__fixtures__/compression-eval.json', import.meta.url), 'utf8')));
const chunksOf = (texts: readonly string[]) => texts.map((text, index) => ({ id: `c${index}`, text }));

let counter: TokenCounter;
beforeAll(async () => {
  counter = createTokenizerCounter(await loadTokenizer('cl100k_base'));
});

describe('compressContext', () => {
  it('halves a retrieved context and keeps the facts the question needs', () => {
    const item = items.find((entry) => entry.id === 'ce-03');
    if (item === undefined) throw new Error('fixture item ce-03 missing');
    const result = compressContext({ query: item.question, chunks: chunksOf(item.context), counter, targetRatio: 0.5 });
    expect(result.stats.ratio).toBeLessThanOrEqual(0.5);
    const text = result.chunks.map((chunk) => chunk.text).join('\n');
    for (const fact of item.neededFacts) expect(text).toContain(fact);
    expect(result.stats.sentencesDropped).toBeGreaterThan(0);
  });

  it('estimates shortened chunks from the chunk count, close to the exact count and never above the upper bound', () => {
    let exact = 0;
    let estimated = 0;
    for (const item of items) {
      const result = compressContext({ query: item.question, chunks: chunksOf(item.context), counter, targetRatio: 0.5 });
      expect(result.stats.tokensBefore).toBe(item.context.reduce((sum, text) => sum + counter.count(text), 0));
      for (const chunk of result.chunks) {
        const count = counter.count(chunk.text);
        expect({ text: chunk.text, withinBound: count <= chunk.upperBound }).toEqual({ text: chunk.text, withinBound: true });
        if (!chunk.estimated) expect(chunk.tokens).toBe(count);
        else {
          exact += count;
          estimated += chunk.tokens;
        }
      }
    }
    expect(exact / estimated).toBeGreaterThan(0.9);
    expect(exact / estimated).toBeLessThan(1.05);
  });

  it('takes chunk counts given with the chunks instead of counting them', () => {
    const item = items[3];
    if (item === undefined) throw new Error('fixture too short');
    const counted: string[] = [];
    const spy = { ...counter, count: (text: string) => (counted.push(text), counter.count(text)) };
    const given = chunksOf(item.context).map((chunk) => ({ ...chunk, tokens: counter.count(chunk.text) }));
    const result = compressContext({ query: item.question, chunks: given, counter: spy, targetRatio: 0.5, analysisCache: new ChunkAnalysisCache(0) });
    expect(counted).toEqual([]);
    expect(result).toEqual(compressContext({ query: item.question, chunks: chunksOf(item.context), counter, targetRatio: 0.5 }));
  });

  it('strips cookie banners, copyright lines, menus repeated across chunks and whitespace runs', () => {
    const chunks = chunksOf([
      'We use cookies to improve your experience. Accept all cookies\nRefunds   are issued\twithin 5–7 business days.\n© 2024 Acme Inc. All rights reserved.',
      'Shop | Help | Account | Cart\nExchanges are free for 60 days.',
      'Shop | Help | Account | Cart\nGift cards never expire.',
    ]);
    const result = compressContext({ query: 'How long do refunds take?', chunks, counter, targetRatio: 1 });
    expect(result.chunks.map((chunk) => chunk.text)).toEqual(['Refunds are issued within 5–7 business days.', 'Exchanges are free for 60 days.', 'Gift cards never expire.']);
    expect(result.stats.boilerplateLinesRemoved).toBe(4);
  });

  it('keeps a sentence repeated across chunks once, in the better-ranked chunk', () => {
    const repeated = 'Physical items can be returned within 30 days of delivery for a full refund.';
    const chunks = chunksOf([`Returns policy.\n${repeated}`, `${repeated}\nExchanges are free for 60 days.`]);
    const result = compressContext({ query: 'What is the return window?', chunks, counter, targetRatio: 1 });
    expect(result.chunks[0]?.text).toContain(repeated);
    expect(result.chunks[1]?.text).toBe('Exchanges are free for 60 days.');
    expect(result.stats.duplicatesRemoved).toBe(1);
  });

  it('keeps every chunk citable by default, and drops irrelevant ones when told to', () => {
    const relevant = 'Physical items can be returned within 30 days of delivery for a full refund. Refunds go to the original payment method within 5 business days. Items must be unused and in their original packaging.';
    const unrelated = 'Our headquarters moved to Denver in 2019 and now hosts 400 employees. The cafeteria serves lunch from noon. Parking is free for visitors on weekends.';
    const chunks = chunksOf([relevant, unrelated]);
    const kept = compressContext({ query: 'How long is the refund window?', chunks, counter, targetRatio: 0.4, minChunkTokens: 0 });
    expect(kept.chunks.every((chunk) => chunk.text !== '')).toBe(true);
    const dropped = compressContext({ query: 'How long is the refund window?', chunks, counter, targetRatio: 0.4, minChunkTokens: 0, keepEveryChunk: false });
    expect(dropped.chunks[1]?.text).toBe('');
    expect(dropped.chunks[0]?.text).toContain('30 days');
  });

  it('keeps chunks below minChunkTokens whole', () => {
    const chunks = chunksOf(['Refunds take 5 days. Call us on weekdays. Our shop sells hats.', 'The warranty lasts 24 months.']);
    const result = compressContext({ query: 'warranty length', chunks, counter, targetRatio: 0.3, minChunkTokens: 100 });
    expect(result.chunks.map((chunk) => chunk.text)).toEqual(['Refunds take 5 days. Call us on weekdays. Our shop sells hats.', 'The warranty lasts 24 months.']);
  });

  it('gives the same answer with and without the analysis cache, with exact and estimated counts', () => {
    const item = items[5];
    if (item === undefined) throw new Error('fixture too short');
    const input = { query: item.question, chunks: chunksOf(item.context), targetRatio: 0.5 };
    for (const each of [counter, createEstimatingCounter('anthropic')]) {
      const cached = compressContext({ ...input, counter: each });
      const again = compressContext({ ...input, counter: each });
      const uncached = compressContext({ ...input, counter: each, analysisCache: new ChunkAnalysisCache(0) });
      expect(again).toEqual(cached);
      expect(uncached).toEqual(cached);
    }
  });

  it('never returns a chunk larger than it was, and rejects a ratio outside (0, 1]', () => {
    const item = items[0];
    if (item === undefined) throw new Error('empty fixture');
    const result = compressContext({ query: item.question, chunks: chunksOf(item.context), counter, targetRatio: 1 });
    for (const chunk of result.chunks) expect(chunk.tokens).toBeLessThanOrEqual(chunk.tokensBefore);
    expect(result.stats.ratio).toBeLessThanOrEqual(1);
    expect(() => compressContext({ query: 'q', chunks: [], counter, targetRatio: 0 })).toThrow(RangeError);
    expect(() => compressContext({ query: 'q', chunks: [], counter, targetRatio: 1.5 })).toThrow(RangeError);
  });

  it('returns empty stats for no chunks', () => {
    expect(compressContext({ query: 'anything', chunks: [], counter, targetRatio: 0.5 }).stats).toMatchObject({ tokensBefore: 0, tokensAfter: 0, ratio: 1 });
  });
});
