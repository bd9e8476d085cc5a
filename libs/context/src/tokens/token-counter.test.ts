import { readFileSync } from 'node:fs';
import type { ChatMessage } from '#libs/contracts';
import { loadTokenizer } from '#libs/rag';
import { ESTIMATE_SAFETY_MARGIN, estimateTokens } from './estimate-tokens.js';
import { createEstimatingCounter, createTokenCounter, createTokenizerCounter, MESSAGE_OVERHEAD_TOKENS, REPLY_PRIMING_TOKENS } from './token-counter.js';

const fixture = JSON.parse(readFileSync(new URL('../__fixtures__/compression-eval.json', import.meta.url), 'utf8')) as { context: string[] }[];
const chunks = fixture.flatMap((item) => item.context);

const SAMPLES = [
  'Die Rückerstattung erfolgt innerhalb von vierzehn Tagen nach Eingang der Ware. Sonderangebote sind vom Umtausch ausgeschlossen.',
  'Возврат средств производится в течение четырнадцати дней после получения товара.',
  'Ο Σωκράτης ήταν Έλληνας φιλόσοφος από την Αθήνα.',
  '退款需要十四天。请提供订单号。我们会在三个工作日内处理您的请求。',
  '환불은 14일 이내에 처리됩니다. 영수증을 보관해 주세요.',
  'Order 48213-99812 totals $12,480.55 on 2024-03-15 at 14:02 UTC; ref 0x7f3a9c, SKU AB-1200-XL.',
  'sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  'aGVsbG8gd29ybGQgdGhpcyBpcyBiYXNlNjQgZW5jb2RlZCB0ZXh0IGZvciB0ZXN0aW5n',
  '😀🎉👍 great!! 🚀🚀 ✅ done ❌',
  'export function add(left: number, right: number): number {\n  return left + right;\n}',
];

describe('createTokenCounter', () => {
  it('counts OpenAI models exactly in their encoding and shares one counter per family', async () => {
    const o200k = await loadTokenizer('o200k_base');
    const counter = await createTokenCounter('gpt-4o-mini');
    expect(counter).toMatchObject({ family: 'openai-o200k', exact: true });
    expect(counter.count('Refunds are issued within 5–7 business days.')).toBe(o200k.countTokens('Refunds are issued within 5–7 business days.'));
    expect(await createTokenCounter('gpt-4.1')).toBe(counter);
    expect((await createTokenCounter('gpt-3.5-turbo')).family).toBe('openai-cl100k');
  });

  it('estimates Anthropic models without a tokenizer', async () => {
    const counter = await createTokenCounter('claude-sonnet-4-5');
    expect(counter).toMatchObject({ family: 'anthropic', exact: false });
    expect(counter.count('hello world, this is a test')).toBe(Math.ceil(estimateTokens('hello world, this is a test') * ESTIMATE_SAFETY_MARGIN));
  });
});

describe('the calibrated estimate', () => {
  it('over-counts both GPT encodings on every fixture chunk and on other scripts, code and opaque strings', async () => {
    const [cl100k, o200k] = await Promise.all([loadTokenizer('cl100k_base'), loadTokenizer('o200k_base')]);
    const counter = createEstimatingCounter('anthropic', { cacheSize: 0 });
    for (const text of [...chunks, ...SAMPLES]) {
      const exact = Math.max(cl100k.countTokens(text), o200k.countTokens(text));
      expect({ text, estimate: counter.count(text) >= exact }).toEqual({ text, estimate: true });
    }
  });

  it('stays within 1.6× of cl100k on English prose, so budgets are not wasted', async () => {
    const cl100k = await loadTokenizer('cl100k_base');
    const all = chunks.join('\n\n');
    const ratio = createEstimatingCounter().count(all) / cl100k.countTokens(all);
    expect(ratio).toBeGreaterThan(1);
    expect(ratio).toBeLessThan(1.6);
  });
});

describe('countMessages', () => {
  it('adds the per-message framing, the name and the reply priming', async () => {
    const counter = createTokenizerCounter(await loadTokenizer('cl100k_base'));
    const messages: ChatMessage[] = [
      { role: 'system', content: 'You are terse.' },
      { role: 'user', content: 'Hi there', name: 'ada' },
    ];
    const content = counter.count('You are terse.') + counter.count('Hi there') + counter.count('ada');
    expect(counter.countMessages(messages)).toBe(content + 2 * MESSAGE_OVERHEAD_TOKENS + 1 + REPLY_PRIMING_TOKENS);
    expect(counter.countMessage(messages[0] as ChatMessage)).toBe(counter.count('You are terse.') + MESSAGE_OVERHEAD_TOKENS);
  });
});
