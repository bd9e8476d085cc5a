import type { CacheKeyInput } from './cache-key-input.js';
import { isSemanticallyCacheable, semanticLookupKey } from './semantic-fingerprint.js';

const base: CacheKeyInput = {
  tenantId: 'acme',
  route: 'simple',
  model: 'openai/gpt-4.1-mini',
  messages: [
    { role: 'system', content: 'You are the Acme support assistant.' },
    { role: 'user', content: 'How do I cancel my order?' },
  ],
  settings: { temperature: 0, providerOptions: { reasoning_effort: 'low' } },
  collections: [{ collectionId: 'help-center', version: 3 }],
};
const ask = (question: string, input: CacheKeyInput = base): CacheKeyInput => ({
  ...input,
  messages: [...input.messages.slice(0, -1), { role: 'user', content: question }],
});
const namespaceOf = (input: CacheKeyInput): string => semanticLookupKey(input).namespace;

test('paraphrases of the last user turn share a namespace; the question is the normalised turn', () => {
  const key = semanticLookupKey(ask('  What is the way to cancel an order I placed?\r\n'));
  expect(key.namespace).toBe(namespaceOf(base));
  expect(key.question).toBe('  What is the way to cancel an order I placed?');
});

test.each<[string, CacheKeyInput]>([
  ['tenant', { ...base, tenantId: 'globex' }],
  ['route', { ...base, route: 'complex' }],
  ['model', { ...base, model: 'openai/gpt-4.1' }],
  ['system prompt', { ...base, messages: [{ role: 'system', content: 'Answer in French.' }, base.messages[1]!] }],
  ['an earlier turn', { ...base, messages: [base.messages[0]!, { role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello' }, base.messages[1]!] }],
  ['the last turn name', { ...base, messages: [base.messages[0]!, { ...base.messages[1]!, name: 'bob' }] }],
  ['temperature', { ...base, settings: { ...base.settings, temperature: 1 } }],
  ['a provider option', { ...base, settings: { ...base.settings, providerOptions: { reasoning_effort: 'high' } } }],
  ['tools', { ...base, tools: [{ type: 'function' }] }],
  ['response format', { ...base, responseFormat: { type: 'json_object' } }],
  ['collection version', { ...base, collections: [{ collectionId: 'help-center', version: 4 }] }],
  ['retrieval settings', { ...base, retrieval: { topK: 3 } }],
])('changing %s moves the request to another namespace', (_name, changed) => {
  expect(namespaceOf(changed)).not.toBe(namespaceOf(base));
});

test('the semantic namespace is not the exact key space: the same request gets two different hashes', async () => {
  const { exactCacheKey } = await import('./exact-cache-key.js');
  expect(namespaceOf(base)).not.toBe(exactCacheKey(base));
});

test('a request that does not end with a user turn has no semantic key', () => {
  expect(() => semanticLookupKey({ ...base, messages: [base.messages[0]!] })).toThrow(RangeError);
});

test('single-turn tool-free requests are cacheable; system messages do not make a conversation', () => {
  expect(isSemanticallyCacheable(base)).toEqual({ cacheable: true });
  expect(isSemanticallyCacheable({ ...base, messages: [base.messages[1]!] })).toEqual({ cacheable: true });
});

test('multi-turn and tool-calling requests are bypassed unless the route allows them', () => {
  const conversation = { ...base, messages: [{ role: 'user' as const, content: 'Hi' }, { role: 'assistant' as const, content: 'Hello' }, base.messages[1]!] };
  expect(isSemanticallyCacheable(conversation)).toEqual({ cacheable: false, reason: 'multi-turn' });
  expect(isSemanticallyCacheable(conversation, { semanticMultiTurn: true })).toEqual({ cacheable: true });
  const withTools = { ...base, tools: [{ type: 'function' }] };
  expect(isSemanticallyCacheable(withTools)).toEqual({ cacheable: false, reason: 'tool-calling' });
  expect(isSemanticallyCacheable({ ...base, toolChoice: 'none' })).toEqual({ cacheable: false, reason: 'tool-calling' });
  expect(isSemanticallyCacheable(withTools, { semanticToolCalls: true })).toEqual({ cacheable: true });
  expect(isSemanticallyCacheable({ ...base, tools: [] })).toEqual({ cacheable: true });
});

test('no user turn last, or an empty one, is bypassed', () => {
  expect(isSemanticallyCacheable({ ...base, messages: [...base.messages, { role: 'assistant', content: 'Sure' }] })).toEqual({ cacheable: false, reason: 'no-user-turn' });
  expect(isSemanticallyCacheable(ask(' \n '))).toEqual({ cacheable: false, reason: 'empty-question' });
});
