import { jest } from '@jest/globals';
import { createTokenCounterFrom } from '../tokens/token-counter.js';
import { analyzeChunk, ChunkAnalysisCache } from './analyze-chunk.js';

const countText = jest.fn((text: string) => text.split(/\s+/).filter(Boolean).length);
const counter = createTokenCounterFrom('other', false, countText, { cacheSize: 0 });

describe('analyzeChunk', () => {
  const text = '## Billing\nOrders placed before 4:00 p.m. ET ship the same day. It takes 2 days.\n\nHome | Shop | Help\n| Plan | Price |';

  it('splits lines and sentences, keeping a time and its zone together, and flags headings and furniture', () => {
    const analysis = analyzeChunk(text, counter, new ChunkAnalysisCache(0));
    expect(analysis.lines.map((line) => line.text)).toEqual(['## Billing', 'Orders placed before 4:00 p.m. ET ship the same day. It takes 2 days.', 'Home | Shop | Help', '| Plan | Price |']);
    expect(analysis.lines[1]?.sentences.map((sentence) => sentence.text)).toEqual(['Orders placed before 4:00 p.m. ET ship the same day.', 'It takes 2 days.']);
    expect(analysis.lines.map((line) => line.heading)).toEqual([true, false, true, false]);
    expect(analysis.lines[2]?.boilerplate).toBe(true);
    expect(analysis.lines[3]?.furnitureKey).toBeUndefined();
    expect(analysis.lines[1]?.sentences[1]?.continuation).toBe(true);
    expect(analysis.tokens).toBe(countText(text));
  });

  it('analyses a text once per counter family while it stays in the cache', () => {
    const cache = new ChunkAnalysisCache(4);
    const first = analyzeChunk(text, counter, cache);
    countText.mockClear();
    expect(analyzeChunk(text, counter, cache)).toBe(first);
    expect(countText).not.toHaveBeenCalled();
    const other = createTokenCounterFrom('anthropic', false, countText, { cacheSize: 0 });
    expect(analyzeChunk(text, other, cache)).not.toBe(first);
  });
});
