import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import type { ChatMessage } from '#libs/contracts';
import { loadTokenizer, type Tokenizer } from '#libs/rag';
import { ChunkAnalysisCache } from '../compress/analyze-chunk.js';
import { parseCompressionEvalItems } from '../eval/compression-eval-item.js';
import { profileChunk } from '../profile/chunk-profile.js';
import { AWKWARD_CHARACTERS, randomText, seededRandom } from '../testing/awkward-text.js';
import { createEstimatingCounter, createTokenizerCounter, type TokenCounter } from '../tokens/token-counter.js';
import { parseContextBudgetPolicy } from './budget-policy.js';
import type { ContextPlan, RetrievedDocument } from './context-report.js';
import { planContext, type PlanContextInput } from './plan-context.js';

const items = parseCompressionEvalItems(JSON.parse(readFileSync(new URL('../__fixtures__/compression-eval.json', import.meta.url), 'utf8')));
const chunks = items.flatMap((item) => item.context);

let tokenizers: Tokenizer[];
beforeAll(async () => {
  tokenizers = [await loadTokenizer('o200k_base'), await loadTokenizer('cl100k_base')];
});

// Profiles by text and encodings, made once: making them is most of the test's time.
const profiles = new Map<string, string>();
function profileOf(text: string, encodings: readonly Tokenizer[]): string {
  const key = `${encodings.map((tokenizer) => tokenizer.encoding).join()}\u0000${text}`;
  let profile = profiles.get(key);
  if (profile === undefined) {
    profile = profileChunk(text, encodings);
    profiles.set(key, profile);
  }
  return profile;
}

// A document kept whole is passed on as it came, profile and all: the plans are compared without it.
function withoutProfiles(plan: ContextPlan): ContextPlan {
  return plan.kind !== 'fits' ? plan : { ...plan, documents: plan.documents.map((document) => ({ id: document.id, text: document.text, score: document.score })) };
}

describe('planContext with ingestion profiles', () => {
  it('plans exactly as it does counting and analysing on the fly, for any model, policy, window and profile (300 random requests)', () => {
    const random = seededRandom(2_026_112_7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const counters: (() => TokenCounter)[] = [
      () => createTokenizerCounter(tokenizers[0] as Tokenizer),
      () => createTokenizerCounter(tokenizers[1] as Tokenizer),
      () => createEstimatingCounter('anthropic'),
    ];
    const differences: string[] = [];
    let compressed = 0;
    let trimmedOrDropped = 0;
    for (let trial = 0; trial < 300; trial += 1) {
      const count = 1 + Math.floor(random() * 40);
      const texts = Array.from({ length: count }, () => (random() < 0.1 ? randomText(random, [...AWKWARD_CHARACTERS, ' refund ', ' 14 days. ', '\n'], 30 + Math.floor(random() * 400)) : pick(chunks)));
      // Some profiles counted in one encoding only, some of another text (stale), some missing.
      const documents: RetrievedDocument[] = texts.map((text, index) => {
        const document = { id: `d${index}`, text, score: random() < 0.2 ? 0.5 : random() };
        const roll = random();
        if (roll < 0.6) return { ...document, profile: profileOf(text, tokenizers) };
        if (roll < 0.75) return { ...document, profile: profileOf(text, [pick(tokenizers)]) };
        if (roll < 0.85) return { ...document, profile: profileOf(`${text}.`, tokenizers) };
        return document;
      });
      const history: ChatMessage[] = Array.from({ length: Math.floor(random() * 6) }, (_, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content: pick(chunks) }));
      const policy = parseContextBudgetPolicy({
        compression: { enabled: random() < 0.8, targetRatio: 0.1 + random() * 0.9, keepEveryChunk: random() < 0.7, minChunkTokens: pick([0, 24, 48, 120]) },
      });
      const makeCounter = pick(counters);
      const total = texts.reduce((sum, text) => sum + text.length, 0) / 3;
      const input: Omit<PlanContextInput, 'counter' | 'analysisCache'> = {
        // From roomy to tight enough that compressed texts are counted, documents trimmed and dropped.
        window: Math.max(600, Math.floor(total * (0.15 + random() * 1.5))),
        policy,
        system: [{ role: 'system', content: 'Answer from the sources.' }],
        history,
        query: { role: 'user', content: pick(items).question },
        documents,
        maxOutputTokens: 256,
      };
      const withProfiles = planContext({ ...input, counter: makeCounter(), analysisCache: new ChunkAnalysisCache(0) });
      const without = planContext({ ...input, documents: documents.map(({ id, text, score }) => ({ id, text, score })), counter: makeCounter(), analysisCache: new ChunkAnalysisCache(0) });
      if (!isDeepStrictEqual(withoutProfiles(withProfiles), without)) differences.push(`trial ${trial}`);
      if (without.kind === 'fits') {
        if (without.report.compressed !== undefined) compressed += 1;
        if (without.report.trimmed.length + without.report.dropped.length > 0) trimmedOrDropped += 1;
      }
    }
    expect(differences).toEqual([]);
    // The trials went through compression and through the window's edge.
    expect(compressed).toBeGreaterThan(80);
    expect(trimmedOrDropped).toBeGreaterThan(40);
  });

  it('plans the same whether analyses come from profiles or from the cache, and never sends a profile to the model', () => {
    const item = items[3];
    if (item === undefined) throw new Error('fixture too short');
    const documents = item.context.map((text, index) => ({ id: `d${index}`, text, score: 1 - index / 10, profile: profileChunk(text, tokenizers) }));
    const cache = new ChunkAnalysisCache();
    const input = { window: 16_384, policy: parseContextBudgetPolicy({ compression: { enabled: true } }), system: [], history: [], query: { role: 'user' as const, content: item.question }, documents, analysisCache: cache };
    const first = planContext({ ...input, counter: createTokenizerCounter(tokenizers[0] as Tokenizer) });
    const again = planContext({ ...input, counter: createTokenizerCounter(tokenizers[0] as Tokenizer), documents: documents.map(({ id, text, score }) => ({ id, text, score })) });
    expect(withoutProfiles(first)).toEqual(again);
    if (first.kind !== 'fits') throw new Error(`expected fits, got ${first.kind}`);
    for (const document of first.documents) if (document.text !== item.context[Number(document.id.slice(1))]) expect(document.profile).toBeUndefined();
  });
});
