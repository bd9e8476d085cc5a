import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time.js';
import { SEARCH_ATTRIBUTE_DECLARATIONS } from '#libs/contracts';
import { ensureTemporalCli, startDevServer, type DevServerHandle } from '#libs/temporal-cli';
import { checkTemporal } from './check-temporal.js';
import { doctorTestContext } from './doctor-test-config.js';

describe('checkTemporal against a real dev server', () => {
  let server: DevServerHandle;
  beforeAll(async () => {
    server = await startDevServer({ cliPath: ensureTemporalCli().path, headless: true });
  });
  afterAll(() => server.stop());

  it('passes reachability, namespace and search attributes, and warns while no worker polls', async () => {
    const results = await checkTemporal(doctorTestContext({ temporal: { address: server.address, taskQueue: 'doctor-no-worker' } }));
    expect(results.map((result) => [result.name, result.status])).toEqual([
      ['temporal', 'pass'],
      ['temporal namespace', 'pass'],
      ['temporal search attributes', 'pass'],
      ['temporal worker', 'warn'],
    ]);
    expect(results[0]?.detail).toContain(`reached ${server.address}`);
    expect(results[3]).toMatchObject({ detail: expect.stringContaining("no worker has polled task queue 'doctor-no-worker'"), fix: expect.stringContaining('start a worker') });
  });

  it('fails a namespace that does not exist, with the command that creates it', async () => {
    const results = await checkTemporal(doctorTestContext({ temporal: { address: server.address, namespace: 'no-such-namespace' } }));
    expect(results.at(-1)).toMatchObject({
      name: 'temporal namespace',
      status: 'fail',
      fix: expect.stringContaining('temporal operator namespace create --namespace no-such-namespace'),
    });
  });

  it('names the search attributes a namespace lacks', async () => {
    const connection = await Connection.connect({ address: server.address });
    await connection.workflowService.registerNamespace({ namespace: 'bare', workflowExecutionRetentionPeriod: msToTs('1 day') });
    await connection.close();
    const results = await checkTemporal(doctorTestContext({ temporal: { address: server.address, namespace: 'bare' } }));
    const attributes = results.find((result) => result.name === 'temporal search attributes');
    expect(attributes?.status).toBe('fail');
    for (const declaration of SEARCH_ATTRIBUTE_DECLARATIONS) expect(attributes?.detail).toContain(declaration.name);
    expect(attributes?.fix).toContain('temporal operator search-attribute create --namespace bare');
  });

  it('fails an address nothing listens on within the timeout, saying how to fix it', async () => {
    const context = doctorTestContext({ temporal: { address: '127.0.0.1:1' } });
    const started = Date.now();
    const results = await checkTemporal({ ...context, timeoutMs: 1500 });
    expect(results).toEqual([expect.objectContaining({ name: 'temporal', status: 'fail', detail: expect.stringContaining('cannot reach Temporal at 127.0.0.1:1'), fix: expect.stringContaining('TEMPORAL_ADDRESS') })]);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
