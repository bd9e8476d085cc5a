import { startTestStack, type TestStack } from './support/test-stack.js';
import { assertWorkerBuilt, startWorkerProcess, waitForOutput } from './support/worker-process.js';

/**
 * A long document ingesting through a slow embedding provider; the worker is SIGKILLed in the
 * middle. After a new worker starts, ingestion resumes and finishes with every chunk embedded
 * exactly once, and the workflow history holds ids and counts, never the document.
 */

let stack: TestStack;

beforeAll(async () => {
  assertWorkerBuilt();
  stack = await startTestStack({ worker: false, config: { documents: { embedBatchSize: 16 } } });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
}, 60_000);

/** About 100 pages of prose: 100 sections of ~3,000 characters. */
function longDocument(): string {
  const sections: string[] = ['# Operations manual'];
  for (let page = 1; page <= 100; page += 1) {
    const sentences = Array.from({ length: 30 }, (_unused, line) => `Procedure ${page}.${line} requires checking valve ${page * 7 + line} before the shift ends.`);
    sections.push(`## Section ${page}\n\n${sentences.join(' ')}`);
  }
  return sections.join('\n\n');
}

test('a worker killed mid-ingest: ingestion resumes and embeds every chunk once', async () => {
  stack.simulator.setScenario('text-embedding-3-small', { latencyMs: { distribution: 'fixed', value: 150 } });
  const created = await stack.api('/v1/collections', { json: { name: 'manual', embedding_model: 'text-embedding-3-small' } });
  expect(created.status).toBe(201);
  const first = startWorkerProcess(stack.config, stack.simulator.url);
  await waitForOutput(first);

  const upload = await stack.api('/v1/collections/manual/documents', { json: { title: 'Operations manual', content: longDocument() } });
  const document = (await upload.json()) as { id: string; workflow_id: string };
  expect(upload.status).toBe(202);
  const handle = stack.client.workflow.getHandle(document.workflow_id);

  // Kill the worker once some, but not all, batches are embedded.
  for (;;) {
    const progress = await stack.rag.documents.get('tenant-a', document.id);
    if (progress && progress.chunksEmbedded > 0 && progress.chunksEmbedded < progress.chunksTotal) break;
    if (progress?.status === 'ready') throw new Error('ingestion finished before the worker could be killed');
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 25));
  }
  first.kill('SIGKILL');
  await new Promise((resolveExit) => first.once('exit', resolveExit));

  const second = startWorkerProcess(stack.config, stack.simulator.url);
  try {
    await handle.result();
    const final = await stack.rag.documents.get('tenant-a', document.id);
    expect(final).toMatchObject({ status: 'ready', activeVersion: 1 });
    expect(final?.chunksTotal).toBeGreaterThan(40);
    expect(final?.chunksEmbedded).toBe(final?.chunksTotal);
    const space = stack.rag.embeddings.spaceFor('text-embedding-3-small', 1536);
    expect(await stack.rag.vectors.count(space, { tenantId: 'tenant-a', documentId: document.id })).toBe(final?.chunksTotal);

    // Only ids and counts travel through history: far below Temporal's 2 MiB payload limit.
    const history = await handle.fetchHistory();
    const historyBytes = JSON.stringify(history).length;
    expect(historyBytes).toBeLessThan(longDocument().length);
  } finally {
    second.kill('SIGTERM');
    await new Promise((resolveExit) => second.once('exit', resolveExit));
  }
}, 120_000);
