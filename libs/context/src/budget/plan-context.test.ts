import { readFileSync } from 'node:fs';
import type { ChatMessage } from '#libs/contracts';
import { loadTokenizer } from '#libs/rag';
import { parseCompressionEvalItems } from '../eval/compression-eval-item.js';
import { createEstimatingCounter, createTokenizerCounter, type TokenCounter } from '../tokens/token-counter.js';
import { parseContextBudgetPolicy } from './budget-policy.js';
import type { ContextFits, ContextPlan, RetrievedDocument } from './context-report.js';
import { DEFAULT_DOCUMENT_OVERHEAD_TOKENS, planContext, type PlanContextInput } from './plan-context.js';

const counter = createEstimatingCounter('anthropic');
const words = (count: number, word = 'policy'): string => Array.from({ length: count }, (_, index) => `${word}${index % 10}`).join(' ');
const sentences = (count: number, label: string): string => Array.from({ length: count }, (_, index) => `${label} sentence ${index} explains one more detail of the plan.`).join(' ');

const system: ChatMessage[] = [{ role: 'system', content: 'You answer from the sources. Cite them as [n].' }];
const query: ChatMessage = { role: 'user', content: 'What does the refund policy say about digital goods?' };
const turns = (count: number): ChatMessage[] =>
  Array.from({ length: count }, (_, index): ChatMessage[] => [
    { role: 'user', content: `Question ${index}: ${words(40)}` },
    { role: 'assistant', content: `Answer ${index}: ${words(60)}` },
  ]).flat();
const documents = (scores: readonly number[]): RetrievedDocument[] => scores.map((score, index) => ({ id: `doc-${index}`, text: sentences(12, `Doc ${index}`), score }));

const tokensOf = (messages: readonly ChatMessage[]): number => messages.reduce((sum, message) => sum + counter.countMessage(message), 0);
/** Tokens of the default system prompt, the query with reply priming, and `output`. */
const fixed = (output: number): number => tokensOf(system) + counter.countMessage(query) + 3 + output;

function plan(overrides: Partial<PlanContextInput> = {}): ContextPlan {
  return planContext({ counter, window: 100_000, policy: parseContextBudgetPolicy({}), system, history: turns(3), query, documents: documents([0.9, 0.8]), ...overrides });
}

function fits(result: ContextPlan): ContextFits {
  if (result.kind !== 'fits') throw new Error(`expected fits, got ${JSON.stringify(result)}`);
  return result;
}

describe('planContext', () => {
  it('keeps everything when the window has room, and reports the budget and the use per section', () => {
    const result = fits(plan());
    expect(result.messages).toHaveLength(1 + 6 + 1);
    expect(result.documents).toHaveLength(2);
    expect(result.report.dropped).toEqual([]);
    expect(result.report.budget).toEqual({ system: 15_000, documents: 30_000, history: 20_000, query: 25_000, output: 10_000 });
    expect(result.report.used.system).toBe(counter.countMessage(system[0] as ChatMessage));
    expect(result.report.used.output).toBe(10_000);
    const used = result.report.used;
    expect(used.system + used.documents + used.history + used.query + used.output).toBeLessThanOrEqual(100_000);
  });

  it('drops the oldest turns first, a question with its answer, never leaving a gap', () => {
    const history = turns(6);
    const perTurn = tokensOf(history.slice(0, 2));
    // Room for two and a half turns: two are kept.
    const result = fits(plan({ window: fixed(500) + Math.floor(2.5 * perTurn), history, documents: [], maxOutputTokens: 500 }));
    const kept = result.messages.filter((message) => message.role !== 'system').slice(0, -1);
    expect(kept).toHaveLength(4);
    expect(kept[0]?.role).toBe('user');
    expect(kept).toEqual(history.slice(history.length - kept.length));
    const droppedIndexes = result.report.dropped.map((drop) => drop.index);
    expect(droppedIndexes).toEqual(Array.from({ length: history.length - kept.length }, (_, index) => index));
    expect(result.report.used.history).toBe((kept.length / 2) * perTurn);
    expect(result.report.dropped.every((drop) => drop.section === 'history' && drop.reason === 'history-over-budget')).toBe(true);
  });

  it('never cuts the system prompt: it takes room from history and documents', () => {
    const bigSystem: ChatMessage[] = [{ role: 'system', content: words(1_500, 'rule') }];
    const history = turns(6);
    const others = tokensOf(history) + 3 * (counter.count(documents([1])[0]?.text ?? '') + 8);
    const result = fits(plan({ window: tokensOf(bigSystem) + counter.countMessage(query) + 3 + 500 + Math.floor(others / 2), maxOutputTokens: 500, system: bigSystem, history, documents: documents([0.9, 0.8, 0.7]) }));
    expect(result.messages[0]).toEqual(bigSystem[0]);
    expect(result.report.used.system).toBeGreaterThan(result.report.budget.system);
    expect(result.report.dropped.length).toBeGreaterThan(0);
  });

  it('answers too-large with the numbers when system, query and output alone exceed the window', () => {
    const result = plan({ window: 2_000, maxOutputTokens: 1_000, system: [{ role: 'system', content: words(900, 'rule') }] });
    expect(result.kind).toBe('too-large');
    if (result.kind !== 'too-large') return;
    expect(result.needed).toBe(result.systemTokens + result.queryTokens + 1_000);
    expect(result.needed).toBeGreaterThan(2_000);
    expect(result.window).toBe(2_000);
  });

  it('flags an oversized query instead of truncating it, with the route\'s action', () => {
    const pasted: ChatMessage = { role: 'user', content: words(5_000, 'clause') };
    const result = plan({ query: pasted, policy: parseContextBudgetPolicy({ maxQueryTokens: 2_000, oversizedInput: 'summarize' }) });
    expect(result).toMatchObject({ kind: 'oversized-input', limit: 2_000, action: 'summarize' });
    if (result.kind === 'oversized-input') expect(result.queryTokens).toBe(counter.countMessage(pasted) + 3);
    expect(plan({ query: pasted }).kind).toBe('fits');
  });

  it('drops the lowest-ranked documents whole, then trims the last kept one at a sentence end', () => {
    const docs = documents([0.2, 0.9, 0.5, 0.7]);
    const perDocument = counter.count(docs[0]?.text ?? '') + 8;
    // Room for two and a half documents.
    const result = fits(plan({ window: fixed(300) + Math.floor(2.5 * perDocument), maxOutputTokens: 300, history: [], documents: docs }));
    const available = result.report.allocated.documents;
    expect(result.report.used.documents).toBeLessThanOrEqual(available);
    const wholeCount = 2;
    const keptIds = result.documents.map((document) => document.id);
    // Ranked 0.9 (doc-1), 0.7 (doc-3), 0.5 (doc-2), 0.2 (doc-0); returned in request order.
    const ranked = ['doc-1', 'doc-3', 'doc-2', 'doc-0'];
    expect(new Set(keptIds)).toEqual(new Set(ranked.slice(0, keptIds.length)));
    expect(result.report.trimmed).toHaveLength(1);
    const trimmed = result.report.trimmed[0];
    expect(trimmed?.id).toBe(ranked[wholeCount]);
    const trimmedText = result.documents.find((document) => document.id === trimmed?.id)?.text ?? '';
    expect(trimmedText).toMatch(/plan\.$/);
    expect(docs.find((document) => document.id === trimmed?.id)?.text.startsWith(trimmedText)).toBe(true);
    expect(result.report.dropped.map((drop) => drop.id)).toEqual(ranked.slice(keptIds.length));
  });

  it('lets history use the room documents leave, so nothing is dropped needlessly', () => {
    const history = turns(8);
    const historyTokens = tokensOf(history);
    const docs = documents([0.5]);
    const documentTokens = counter.count(docs[0]?.text ?? '') + 8;
    const perTurn = tokensOf(history.slice(0, 2));
    const policy = parseContextBudgetPolicy({ history: { share: 0.05 }, documents: { share: 0.45 } });

    const roomy = fits(plan({ window: fixed(500) + historyTokens + documentTokens, maxOutputTokens: 500, history, documents: docs, policy }));
    expect(roomy.report.dropped).toEqual([]);
    expect(roomy.report.used.history).toBeGreaterThan(roomy.report.budget.history);

    // Contended: documents need less than their share, so history gets everything else.
    const tight = fits(plan({ window: fixed(500) + historyTokens + documentTokens - perTurn, maxOutputTokens: 500, history, documents: docs, policy }));
    expect(tight.documents).toEqual(docs);
    expect(tight.report.dropped.map((drop) => drop.index)).toEqual([0, 1]);
    expect(tight.report.used.history).toBe(historyTokens - perTurn);
  });

  it('compresses documents when the policy enables it and reports tokens and dollars saved', () => {
    const policy = parseContextBudgetPolicy({ compression: { enabled: true, targetRatio: 0.5 } });
    const docs: RetrievedDocument[] = [
      { id: 'refunds', score: 0.9, text: `Digital goods can be refunded within 14 days of purchase if not downloaded. ${sentences(10, 'Shipping')}` },
      { id: 'shipping', score: 0.5, text: sentences(12, 'Warehouse') },
    ];
    const result = fits(plan({ documents: docs, policy, inputPricePerMillion: 3 }));
    const compressed = result.report.compressed;
    expect(compressed?.tokensSaved).toBeGreaterThan(0);
    expect(compressed?.tokensAfter).toBeLessThanOrEqual((compressed?.tokensBefore ?? 0) / 2);
    expect(compressed?.usdSaved).toBeCloseTo(((compressed?.tokensSaved ?? 0) * 3) / 1e6, 9);
    expect(result.documents.find((document) => document.id === 'refunds')?.text).toContain('14 days');
  });

  it('asks for a summary of dropped history and holds room for it', () => {
    const history = turns(6);
    const policy = parseContextBudgetPolicy({ historySummary: true, historySummaryTokens: 200 });
    const result = fits(plan({ window: fixed(500) + Math.floor(tokensOf(history) / 2), maxOutputTokens: 500, history, documents: [], policy }));
    expect(result.historyToSummarize.length).toBeGreaterThan(0);
    expect(result.historyToSummarize).toEqual(history.slice(0, result.historyToSummarize.length));
    expect(result.report.summarized).toMatchObject({ messages: result.historyToSummarize.length, reservedTokens: 200 });
    expect(result.report.used.history + 200).toBeLessThanOrEqual(result.report.allocated.history);
  });

  it('keeps system messages found inside the history and counts them as system', () => {
    const history: ChatMessage[] = [...turns(6).slice(0, 4), { role: 'system', content: 'The user is on the Pro plan.' }, ...turns(6).slice(4)];
    const result = fits(plan({ window: fixed(500) + Math.floor(tokensOf(history) / 2), maxOutputTokens: 500, history, documents: [] }));
    expect(result.report.dropped.length).toBeGreaterThan(0);
    expect(result.messages).toContainEqual({ role: 'system', content: 'The user is on the Pro plan.' });
    expect(result.report.used.system).toBe(counter.countMessage(system[0] as ChatMessage) + counter.countMessage({ role: 'system', content: 'The user is on the Pro plan.' }));
  });

  it('is deterministic: the same input plans the same prompt', () => {
    const input = { window: 4_000, maxOutputTokens: 500, history: turns(5), documents: documents([0.3, 0.9, 0.6]), policy: parseContextBudgetPolicy({ compression: { enabled: true } }) };
    expect(plan(input)).toEqual(plan(input));
  });

  it('rejects a window that is not a positive integer', () => {
    expect(() => plan({ window: 0 })).toThrow(RangeError);
  });
});

describe('planContext within the window', () => {
  const items = parseCompressionEvalItems(JSON.parse(readFileSync(new URL('../__fixtures__/compression-eval.json', import.meta.url), 'utf8')));
  let exact: TokenCounter;
  beforeAll(async () => {
    exact = createTokenizerCounter(await loadTokenizer('o200k_base'));
  });

  it('never plans a prompt whose exact count exceeds the window, whether compressed figures are estimated or counted', () => {
    const history: ChatMessage[] = items.slice(0, 6).flatMap((item): ChatMessage[] => [
      { role: 'user', content: item.question },
      { role: 'assistant', content: item.context[0] ?? '' },
    ]);
    const docs: RetrievedDocument[] = items.slice(6, 30).flatMap((item) => item.context.map((text, index) => ({ id: `${item.id}#${index}`, text, score: -index, tokens: exact.count(text), tokenEncoding: 'o200k_base' as const })));
    const everything = exact.countMessages([...system, ...history, query]) + docs.reduce((sum, document) => sum + (document.tokens ?? 0) + DEFAULT_DOCUMENT_OVERHEAD_TOKENS, 0) + 500;
    let estimatedPlans = 0;
    let countedPlans = 0;
    for (const [targetRatio, keepEveryChunk] of [[0.5, true], [0.33, false]] as const) {
      const policy = parseContextBudgetPolicy({ compression: { enabled: true, targetRatio, keepEveryChunk } });
      for (let share = 0.1; share <= 1; share += 0.05) {
        const window = Math.round(everything * share);
        const result = planContext({ counter: exact, window, policy, system, history, query, documents: docs, maxOutputTokens: 500 });
        if (result.kind !== 'fits') continue;
        const documentTokens = result.documents.reduce((sum, document) => sum + exact.count(document.text) + DEFAULT_DOCUMENT_OVERHEAD_TOKENS, 0);
        const { used } = result.report;
        expect({ window, total: used.system + used.history + used.query + used.output + documentTokens <= window }).toEqual({ window, total: true });
        // Counted near the edge, the report's documents are the exact count; estimated, they are not (but for a coincidence).
        if (used.documents === documentTokens) countedPlans += 1;
        else estimatedPlans += 1;
      }
    }
    // Both ways were exercised: estimated figures far from the edge, exact counts near it.
    expect(estimatedPlans).toBeGreaterThan(5);
    expect(countedPlans).toBeGreaterThan(5);
  });
});
