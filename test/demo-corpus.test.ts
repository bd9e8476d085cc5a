import { ensureDemoCorpus } from '../apps/cli/src/commands/demo-corpus.js';
import { startTestStack, TEST_API_KEY, type TestStack } from './support/test-stack.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

test('npm start makes the demo corpus askable: ingested once, then left alone; answers cite it', async () => {
  const first = await ensureDemoCorpus({ apiUrl: stack.apiUrl, apiKey: TEST_API_KEY, collection: 'demo' });
  expect(first.kind).toBe('ingesting');
  if (first.kind !== 'ingesting') return;
  const report = await first.done;
  expect(report.exitCode).toBe(0);
  expect(report.files.length).toBe(first.files);
  expect(report.files.every((file) => file.status === 'ready')).toBe(true);

  const again = await ensureDemoCorpus({ apiUrl: stack.apiUrl, apiKey: TEST_API_KEY, collection: 'demo' });
  expect(again).toEqual({ kind: 'present', documents: first.files });

  const response = await stack.api('/v1/chat/completions', {
    json: { model: 'auto', ballast: { collections: ['demo'] }, messages: [{ role: 'user', content: 'How many days do I have to return a new product?' }] },
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as Json;
  expect(body['ballast']['citations'].length).toBeGreaterThan(0);
  // The simulator answers from the retrieved passages: the returns policy's window comes back.
  expect(body['choices'][0]['message']['content']).toContain('30 calendar days');
}, 120_000);
