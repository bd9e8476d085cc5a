import { readFileSync } from 'node:fs';
import type { Citation } from '#libs/contracts';
import { createTokenizerCounter, parseContextBudgetPolicy, profileChunk, type TokenCounter } from '#libs/context';
import { loadTokenizer, type Tokenizer } from '#libs/rag';
import type { LoadedSource } from '../rag/source-loader.js';
import { assemblePrompt, type AssemblePromptInput } from './assemble-prompt.js';

const items = JSON.parse(readFileSync(new URL('../../../libs/context/src/__fixtures__/compression-eval.json', import.meta.url), 'utf8')) as { question: string; context: string[] }[];
const item = items[5];
if (item === undefined) throw new Error('fixture too short');

let tokenizers: Tokenizer[];
beforeAll(async () => {
  tokenizers = [await loadTokenizer('o200k_base'), await loadTokenizer('cl100k_base')];
});

/** An o200k_base counter that records what it counts. */
function spying(): { counter: TokenCounter; counted: string[] } {
  const counter = createTokenizerCounter(tokenizers[0] as Tokenizer, { cacheSize: 0 });
  const counted: string[] = [];
  return { counted, counter: { ...counter, count: (text) => (counted.push(text), counter.count(text)) } };
}

const citations: Citation[] = item.context.map((_text, position) => ({ index: position + 1, documentId: 'doc', collectionId: 'col', title: 'Handbook', chunkId: `chunk-${position}`, score: 1 - position / 10 }));
const sources = (profiled: boolean): LoadedSource[] =>
  item.context.map((text, position) => ({ index: position + 1, title: 'Handbook', text, ...(profiled ? { tokenProfile: profileChunk(text, tokenizers) } : {}) }));

const input = (counter: TokenCounter, profiled: boolean, policy = parseContextBudgetPolicy({ compression: { enabled: true, targetRatio: 0.5 } })): AssemblePromptInput => ({
  messages: [
    { role: 'system', content: 'Answer briefly.' },
    { role: 'user', content: item.question },
  ],
  sources: sources(profiled),
  citations,
  counter,
  window: 16_384,
  policy,
});

describe('assemblePrompt with sources loaded with their ingestion profiles', () => {
  it('budgets and compresses them without counting them, to the same prompt', () => {
    for (const policy of [parseContextBudgetPolicy({ compression: { enabled: true, targetRatio: 0.5 } }), parseContextBudgetPolicy({})]) {
      const withProfiles = spying();
      const without = spying();
      const profiled = assemblePrompt(input(withProfiles.counter, true, policy));
      expect(profiled).toEqual(assemblePrompt(input(without.counter, false, policy)));
      for (const text of item.context) {
        expect(withProfiles.counted).not.toContain(text);
        expect(without.counted).toContain(text);
      }
    }
  });

  it('never puts a profile in the prompt', () => {
    const { counter } = spying();
    const assembled = assemblePrompt(input(counter, true, parseContextBudgetPolicy({})));
    if (assembled.kind !== 'fits') throw new Error(`expected fits, got ${assembled.kind}`);
    expect(JSON.stringify(assembled)).not.toContain('cp1 ');
  });
});
