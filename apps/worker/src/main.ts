import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { ConfigError, loadConfig } from '#libs/config';
import { createRagRuntime } from '#libs/rag-runtime';
import { openStreamRelay } from '#libs/streaming';
import { startTelemetry, temporalClientInterceptors } from '#libs/telemetry';
import { createChatWorker } from './create-worker.js';
import { redactingLogger } from './redacting-logger.js';
import { ensureSearchAttributes } from './ensure-search-attributes.js';
import { startWorkerHealthServer } from './worker-health-server.js';

/** `node dist/apps/worker/src/main.js`: runs a chat worker until SIGINT/SIGTERM, then drains. */
async function main(): Promise<void> {
  const config = loadConfig();
  const telemetry = startTelemetry(config.observability.otel, { role: 'worker' });
  const clientConnection = await Connection.connect({ address: config.temporal.address });
  await ensureSearchAttributes(clientConnection, config.temporal.namespace);
  // Activities signal their workflow through this client: the signal continues the activity's trace.
  const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace, interceptors: temporalClientInterceptors(telemetry) });
  // Before the first native connection: workflow, activity and SDK logs all pass through redaction.
  Runtime.install({ logger: redactingLogger(config.observability.redaction) });
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const rag = await createRagRuntime(config);
  // Streamed text to the API processes: NATS when configured (BALLAST_NATS_URL); a relay failure never fails a provider call.
  const streamRelay = await openStreamRelay(config.streaming.relay, { name: 'ballast-worker' });
  const worker = await createChatWorker({ config, connection, client, rag, telemetry, streamRelay: streamRelay.relay });
  const { workerHealthPort } = config.server;
  // Ready (200) once run() below has it polling; 503 before and while draining.
  const health = workerHealthPort === undefined ? undefined : await startWorkerHealthServer(worker, workerHealthPort, config.server.host);
  if (health) console.log(`[worker] health probes on ${health.url}/health/live and /health/ready`);
  console.log(`[worker] polling task queue '${config.temporal.taskQueue}' on ${config.temporal.address}${telemetry.enabled ? `; exporting traces to ${config.observability.otel.endpoint}` : ''}${streamRelay.kind === 'nats' ? '; streamed text over NATS' : ''}`);
  // The SDK's runtime turns SIGINT/SIGTERM into a graceful shutdown: polling stops, in-flight
  // activities get server.shutdownGraceMs to finish (then are cut and retried elsewhere).
  await worker.run();
  await health?.close();
  // After the drain: the last activities' deltas are sent before the connection closes.
  await streamRelay.close();
  await rag.close();
  await connection.close();
  await clientConnection.close();
  // Last: the drained activities' and workflows' spans are flushed before the process exits.
  await telemetry.shutdown();
  console.log('[worker] stopped');
}

main().catch((error: unknown) => {
  console.error(ConfigError.isInstance(error) ? error.message : error);
  process.exit(1);
});
