import { itemsOfArray, itemsOfJsonl, parseBatchLines, type BatchLineChecks } from './parse-batch-lines.js';

const checks: BatchLineChecks = {
  isKnownModel: (model) => model === 'gpt-4.1-mini' || model === 'auto',
  collectionExists: async (name) => name === 'handbook',
};

const line = (customId: string, body: Record<string, unknown> = {}) =>
  JSON.stringify({ custom_id: customId, method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4.1-mini', messages: [{ role: 'user', content: `q ${customId}` }], ...body } });

describe('parseBatchLines', () => {
  it('keeps valid lines in order and reports each invalid one with its line number and reason', async () => {
    const text = [
      line('a'),
      '',
      '{not json',
      JSON.stringify({ method: 'POST', url: '/v1/chat/completions', body: {} }),
      line('a'),
      JSON.stringify({ custom_id: 'e', url: '/v1/embeddings', body: {} }),
      line('f', { messages: [] }),
      line('g', { stream: true }),
      line('h', { model: 'nope' }),
      line('i', { ballast: { collections: ['handbook', 'secret'] } }),
      line('j', { ballast: { collections: ['handbook'] } }),
    ].join('\n');
    const parsed = await parseBatchLines(itemsOfJsonl(text), checks);
    expect(parsed.total).toBe(10);
    expect(parsed.valid.map((valid) => [valid.lineIndex, valid.customId])).toEqual([
      [0, 'a'],
      [9, 'j'],
    ]);
    expect(parsed.invalid.map((invalid) => [invalid.line, invalid.code, invalid.customId])).toEqual([
      [3, 'invalid-json', null],
      [4, 'missing-custom-id', null],
      [5, 'duplicate-custom-id', 'a'],
      [6, 'unsupported-url', 'e'],
      [7, 'invalid-body', 'f'],
      [8, 'stream-not-supported', 'g'],
      [9, 'unknown-model', 'h'],
      [10, 'unknown-collection', 'i'],
    ]);
    expect(parsed.invalid.find((invalid) => invalid.code === 'invalid-body')?.message).toContain('body.messages');
  });

  it('takes the requests array form, where method and url may be left out', async () => {
    const parsed = await parseBatchLines(itemsOfArray([{ custom_id: 'x', body: { model: 'auto', messages: [{ role: 'user', content: 'hi' }] } }, 'text']), checks);
    expect(parsed.valid).toHaveLength(1);
    expect(parsed.invalid).toEqual([expect.objectContaining({ line: 2, code: 'invalid-json' })]);
  });
});
