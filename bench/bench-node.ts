/**
 * Bench-only entry: the API and/or a chat worker in one process, configured like the real
 * mains (BALLAST_* and TEMPORAL_* environment variables through loadConfig).
 *
 *   node dist/bench/bench-node.js --role both|api|worker [--connection native|grpc]
 *     [--worker-options '{"maxCachedWorkflows":100}']
 *
 * `both` is what `npm start` runs (without the dev server and simulator): one NativeConnection
 * shared by the API's Client and the worker, which eager workflow start needs. `api` with
 * `--connection native` is the split API with the Rust-core connection instead of grpc-js.
 */
import { parseArgs } from 'node:util';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker, type WorkerOptions } from '@temporalio/worker';
import { createApiApp } from '#apps/api';
import { createChatWorker, ensureSearchAttributes } from '#apps/worker';
import { loadConfig } from '#libs/config';
import { createRagRuntime } from '#libs/rag-runtime';
import { openStreamRelay } from '#libs/streaming';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', default: 'both' },
      connection: { type: 'string', default: 'native' },
      'worker-options': { type: 'string', default: '{}' },
    },
  });
  const role = values.role;
  if (role !== 'both' && role !== 'api' && role !== 'worker') throw new Error(`--role must be both, api or worker, not ${role}`);
  const workerOverrides = JSON.parse(values['worker-options']) as Partial<WorkerOptions>;
  // This process stops its parts itself on SIGTERM, API first, like `npm start`.
  Runtime.install({ shutdownSignals: [], logger: new DefaultLogger('WARN') });

  const config = loadConfig();
  const grpc = await Connection.connect({ address: config.temporal.address });
  await ensureSearchAttributes(grpc, config.temporal.namespace);
  const native = role !== 'api' || values.connection === 'native' ? await NativeConnection.connect({ address: config.temporal.address }) : undefined;
  const client = new Client({ connection: native ?? grpc, namespace: config.temporal.namespace });
  const rag = await createRagRuntime(config);
  // BALLAST_NATS_URL: streamed text crosses between split api and worker nodes as in production.
  const streamRelay = await openStreamRelay(config.streaming.relay, { name: `bench-${role}` });

  let worker: Worker | undefined;
  let workerRun: Promise<void> | undefined;
  if (role !== 'api' && native) {
    worker = await createChatWorker({ config, connection: native, client, rag, workerOptions: workerOverrides, streamRelay: streamRelay.relay });
    workerRun = worker.run();
  }
  let app: NestFastifyApplication | undefined;
  if (role !== 'worker') {
    app = await createApiApp({ config, client, rag, streamRelay: streamRelay.relay });
    await app.listen(config.server.port, config.server.host);
  }
  console.log(`[bench-node] ${role} ready (connection ${native ? 'native' : 'grpc-js'})${app ? ` on ${await app.getUrl()}` : ''}`);

  const stop = async () => {
    await app?.close();
    if (worker && worker.getState() === 'RUNNING') worker.shutdown();
    await workerRun;
    await streamRelay.close();
    await rag.close();
    await native?.close();
    await grpc.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
