import type { CacheKeyInput } from './cache-key-input.js';
import { exactCacheKey } from './exact-cache-key.js';

const base: CacheKeyInput = {
  tenantId: 'acme',
  route: 'simple',
  model: 'openai/gpt-4.1-mini',
  messages: [
    { role: 'system', content: 'You are the Acme support assistant.' },
    { role: 'user', content: 'How do I cancel my order?' },
  ],
  settings: {
    temperature: 0.2,
    topP: 0.9,
    maxOutputTokens: 512,
    stop: ['END'],
    seed: 7,
    presencePenalty: 0.1,
    frequencyPenalty: 0.1,
    providerOptions: { reasoning_effort: 'low', top_k: 40 },
  },
  tools: [{ type: 'function', function: { name: 'lookup_order', parameters: { type: 'object' } } }],
  toolChoice: 'auto',
  responseFormat: { type: 'text' },
  collections: [{ collectionId: 'help-center', version: 3 }],
  retrieval: { topK: 5, hybrid: true, mmrLambda: 0.3, minScore: 0.2 },
};
const baseKey = exactCacheKey(base);
const settings = base.settings ?? {};

test('the key is a SHA-256 hex digest and stable', () => {
  expect(baseKey).toMatch(/^[0-9a-f]{64}$/);
  expect(exactCacheKey(structuredClone(base))).toBe(baseKey);
});

// A parameter missing from the key would serve one request's answer to another: one case each.
test.each<[string, CacheKeyInput]>([
  ['tenant', { ...base, tenantId: 'globex' }],
  ['route', { ...base, route: 'complex' }],
  ['resolved model', { ...base, model: 'anthropic/claude-haiku-4-5' }],
  ['model absent', { ...base, model: undefined }],
  ['system prompt', { ...base, messages: [{ role: 'system', content: 'You are terse.' }, base.messages[1]!] }],
  ['user question', { ...base, messages: [base.messages[0]!, { role: 'user', content: 'How do I cancel my subscription?' }] }],
  ['message role', { ...base, messages: [{ role: 'user', content: base.messages[0]!.content }, base.messages[1]!] }],
  ['message name', { ...base, messages: [base.messages[0]!, { ...base.messages[1]!, name: 'alice' }] }],
  ['an earlier turn', { ...base, messages: [base.messages[0]!, { role: 'assistant', content: 'Hello!' }, base.messages[1]!] }],
  ['message order', { ...base, messages: [base.messages[1]!, base.messages[0]!] }],
  ['case of the question', { ...base, messages: [base.messages[0]!, { role: 'user', content: 'HOW DO I CANCEL MY ORDER?' }] }],
  ['indentation inside content', { ...base, messages: [base.messages[0]!, { role: 'user', content: 'How do I cancel\n  my order?' }] }],
  ['temperature', { ...base, settings: { ...settings, temperature: 0.3 } }],
  ['temperature absent', { ...base, settings: { ...settings, temperature: undefined } }],
  ['topP', { ...base, settings: { ...settings, topP: 1 } }],
  ['maxOutputTokens', { ...base, settings: { ...settings, maxOutputTokens: 513 } }],
  ['stop', { ...base, settings: { ...settings, stop: ['STOP'] } }],
  ['seed', { ...base, settings: { ...settings, seed: 8 } }],
  ['presencePenalty', { ...base, settings: { ...settings, presencePenalty: 0.2 } }],
  ['frequencyPenalty', { ...base, settings: { ...settings, frequencyPenalty: 0.2 } }],
  ['a provider option value', { ...base, settings: { ...settings, providerOptions: { reasoning_effort: 'high', top_k: 40 } } }],
  ['an added provider option', { ...base, settings: { ...settings, providerOptions: { ...settings.providerOptions, logit_bias: { '50256': -100 } } } }],
  ['a provider option set to null', { ...base, settings: { ...settings, providerOptions: { ...settings.providerOptions, user: null } } }],
  ['tools', { ...base, tools: [{ type: 'function', function: { name: 'refund_order', parameters: { type: 'object' } } }] }],
  ['tools absent', { ...base, tools: undefined }],
  ['toolChoice', { ...base, toolChoice: 'required' }],
  ['responseFormat', { ...base, responseFormat: { type: 'json_object' } }],
  ['collection', { ...base, collections: [{ collectionId: 'policies', version: 3 }] }],
  ['collection version', { ...base, collections: [{ collectionId: 'help-center', version: 4 }] }],
  ['collection version as a fingerprint string', { ...base, collections: [{ collectionId: 'help-center', version: '3' }] }],
  ['an added collection', { ...base, collections: [...(base.collections ?? []), { collectionId: 'policies', version: 1 }] }],
  ['retrieval topK', { ...base, retrieval: { ...base.retrieval, topK: 8 } }],
  ['retrieval hybrid', { ...base, retrieval: { ...base.retrieval, hybrid: false } }],
  ['retrieval mmrLambda', { ...base, retrieval: { ...base.retrieval, mmrLambda: 0.5 } }],
  ['retrieval minScore', { ...base, retrieval: { ...base.retrieval, minScore: 0.3 } }],
])('changing %s changes the key', (_name, changed) => {
  expect(exactCacheKey(changed)).not.toBe(baseKey);
});

test('key order, undefined-versus-absent and stop-sequence order do not change the key', () => {
  const reordered: CacheKeyInput = {
    retrieval: { minScore: 0.2, mmrLambda: 0.3, hybrid: true, topK: 5 },
    collections: [{ version: 3, collectionId: 'help-center' }],
    responseFormat: { type: 'text' },
    toolChoice: 'auto',
    tools: [{ function: { parameters: { type: 'object' }, name: 'lookup_order' }, type: 'function' }],
    settings: {
      providerOptions: { top_k: 40, reasoning_effort: 'low', unused: undefined },
      frequencyPenalty: 0.1,
      presencePenalty: 0.1,
      seed: 7,
      stop: ['END', 'END'],
      maxOutputTokens: 512,
      topP: 0.9,
      temperature: 0.2,
    },
    messages: [
      { content: 'You are the Acme support assistant.', role: 'system', name: undefined },
      { content: 'How do I cancel my order?', role: 'user' },
    ],
    model: 'openai/gpt-4.1-mini',
    route: 'simple',
    tenantId: 'acme',
  };
  expect(exactCacheKey(reordered)).toBe(baseKey);
  const twoStops = { ...base, settings: { ...settings, stop: ['a', 'b'] } };
  expect(exactCacheKey({ ...base, settings: { ...settings, stop: ['b', 'a'] } })).toBe(exactCacheKey(twoStops));
});

test('line endings, Unicode composition and surrounding blank space do not change the key', () => {
  const withContent = (content: string): CacheKeyInput => ({ ...base, messages: [base.messages[0]!, { role: 'user', content }] });
  expect(exactCacheKey(withContent('Où est ma commande ?\r\nMerci'))).toBe(exactCacheKey(withContent('Ou\u0300 est ma commande ?\nMerci')));
  expect(exactCacheKey(withContent('\n  \nHow do I cancel my order?  \n'))).toBe(baseKey);
  expect(exactCacheKey({ ...base, messages: [base.messages[0]!, { ...base.messages[1]!, name: '' }] })).toBe(baseKey);
});

test('an empty settings object and absent settings are the same request', () => {
  const bare: CacheKeyInput = { tenantId: 'acme', route: 'simple', messages: base.messages };
  expect(exactCacheKey({ ...bare, settings: {} })).toBe(exactCacheKey(bare));
});
