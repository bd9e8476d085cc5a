import { ResponseCache, type CacheAdmission } from './response-cache.js';

const DIMENSIONS = 4;
const vector = (...values: number[]): Float32Array => Float32Array.from(values);
const ORDER = vector(1, 0, 0, 0);
const ORDER_PARAPHRASE = vector(0.99, 0.14, 0, 0); // cosine ≈ 0.990 with ORDER
const SUBSCRIPTION = vector(0.985, 0, 0.17, 0); // cosine ≈ 0.985: embeddings alone would serve it

function setup(options: { maxEntries?: number; guard?: false } = {}) {
  let now = 0;
  const cache = new ResponseCache({ dimensions: DIMENSIONS, maxEntries: options.maxEntries ?? 100, now: () => now, ...(options.guard === false ? { guard: false as const } : {}) });
  const admit = (overrides: Partial<CacheAdmission> = {}) =>
    cache.admit({
      id: 'entry-1',
      tenantId: 'acme',
      exactKey: 'key-1',
      question: 'How do I cancel my order?',
      answer: { content: 'Open Orders and press Cancel.' },
      sourceDocumentIds: ['doc-orders'],
      ttlMs: 60_000,
      semantic: { namespace: 'ns-acme', vector: ORDER },
      ...overrides,
    });
  const ask = (question: string, questionVector: Float32Array, exactKey = 'other-key', namespace = 'ns-acme') =>
    cache.lookup({ exactKey, semantic: { namespace, question, vector: questionVector, threshold: 0.95 } });
  return { cache, admit, ask, advance: (ms: number) => (now += ms) };
}

test('the same request is an exact hit and counts the hit', () => {
  const { cache, admit } = setup();
  admit();
  const result = cache.lookup({ exactKey: 'key-1' });
  expect(result.outcome).toEqual({ status: 'hit-exact', entryId: 'entry-1' });
  expect(result.entry?.answer).toEqual({ content: 'Open Orders and press Cancel.' });
  expect(result.entry?.hits).toBe(1);
  expect(cache.lookup({ exactKey: 'key-2' }).outcome).toEqual({ status: 'miss' });
});

test('a paraphrase above the threshold is a semantic hit with its score', () => {
  const { admit, ask } = setup();
  admit();
  const result = ask('What is the way to cancel an order I placed?', ORDER_PARAPHRASE);
  expect(result.outcome).toEqual({ status: 'hit-semantic', entryId: 'entry-1', score: expect.closeTo(0.99, 2) });
});

test('a near-miss close in embedding space is refused by the guard, with the reason', () => {
  const { admit, ask } = setup();
  admit();
  expect(ask('How do I cancel my subscription?', SUBSCRIPTION).outcome).toEqual({
    status: 'miss',
    rejected: { entryId: 'entry-1', score: expect.closeTo(0.985, 2), reason: 'content-substitution: [order] vs [subscription]' },
  });
});

test('without the guard the same near-miss would have been served (the baseline it protects against)', () => {
  const { admit, ask } = setup({ guard: false });
  admit();
  expect(ask('How do I cancel my subscription?', SUBSCRIPTION).outcome.status).toBe('hit-semantic');
});

test('below the threshold, or in another namespace, nothing is served', () => {
  const { admit, ask } = setup();
  admit();
  expect(ask('How do I cancel my order?', vector(0.9, 0.43, 0, 0)).outcome).toEqual({ status: 'miss' });
  expect(ask('How do I cancel my order?', ORDER, 'other-key', 'ns-globex').outcome).toEqual({ status: 'miss' });
});

test('an entry is not served once its TTL has passed', () => {
  const { cache, admit, ask, advance } = setup();
  admit();
  advance(60_000);
  expect(cache.lookup({ exactKey: 'key-1' }).outcome).toEqual({ status: 'miss' });
  expect(ask('How can I cancel my order?', ORDER_PARAPHRASE).outcome).toEqual({ status: 'miss' });
  expect(cache.size).toBe(0);
});

test('past the size bound the least recently used entry is evicted from every index', () => {
  const { cache, admit, ask } = setup({ maxEntries: 1 });
  admit();
  admit({ id: 'entry-2', exactKey: 'key-2', question: 'Where is my parcel?', semantic: { namespace: 'ns-acme', vector: vector(0, 0, 0, 1) } });
  expect(cache.lookup({ exactKey: 'key-1' }).outcome.status).toBe('miss');
  expect(ask('How can I cancel my order?', ORDER_PARAPHRASE).outcome).toEqual({ status: 'miss' });
  expect(cache.lookup({ exactKey: 'key-2' }).outcome.status).toBe('hit-exact');
});

test('changing or deleting a source document invalidates the answers grounded in it', () => {
  const { cache, admit } = setup();
  admit();
  admit({ id: 'entry-2', exactKey: 'key-2', sourceDocumentIds: ['doc-shipping'], semantic: undefined });
  expect(cache.invalidateDocument('doc-orders')).toBe(1);
  expect(cache.lookup({ exactKey: 'key-1' }).outcome.status).toBe('miss');
  expect(cache.lookup({ exactKey: 'key-2' }).outcome.status).toBe('hit-exact');
  expect(cache.invalidateDocument('doc-orders')).toBe(0);
});

test('admitting the same exact key again replaces the old answer', () => {
  const { cache, admit } = setup();
  admit();
  admit({ id: 'entry-2', answer: { content: 'new' } });
  expect(cache.size).toBe(1);
  expect(cache.lookup({ exactKey: 'key-1' }).entry?.id).toBe('entry-2');
});
