import { Client, Connection } from '@temporalio/client';
import { ConfigError, loadConfig } from '#libs/config';
import { createRagRuntime } from '#libs/rag-runtime';
import { openStreamRelay } from '#libs/streaming';
import { startTelemetry, temporalClientInterceptors } from '#libs/telemetry';
import { createApiApp } from './create-api-app.js';
import { trackHttpRequests } from './drain-http-server.js';

/** `node dist/apps/api/src/main.js`: the HTTP API on its own. */
async function main(): Promise<void> {
  const config = loadConfig();
  const telemetry = startTelemetry(config.observability.otel, { role: 'api' });
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection, namespace: config.temporal.namespace, interceptors: temporalClientInterceptors(telemetry) });
  const rag = await createRagRuntime(config);
  // Streamed text from the workers: NATS when configured (BALLAST_NATS_URL), else nothing crosses
  // processes and each stream gets the whole answer at its end.
  const streamRelay = await openStreamRelay(config.streaming.relay, { name: 'ballast-api' });
  const app = await createApiApp({ config, client, rag, telemetry, streamRelay: streamRelay.relay });
  const requests = trackHttpRequests(app.getHttpServer());
  await app.listen(config.server.port, config.server.host);
  console.log(`[api] listening on ${await app.getUrl()} (docs at /docs)${telemetry.enabled ? `; exporting traces to ${config.observability.otel.endpoint}` : ''}${streamRelay.kind === 'nats' ? '; streamed text over NATS' : ''}`);
  const stop = async (signal: NodeJS.Signals) => {
    // Graceful: the listener closes at once (the load balancer moves on), in-flight requests
    // get their answers within the grace period, then the app and its stores close.
    console.log(`[api] ${signal}: draining ${requests.inFlight} in-flight request(s), at most ${config.server.shutdownGraceMs} ms`);
    const { cut } = await requests.drain(config.server.shutdownGraceMs);
    if (cut > 0) console.warn(`[api] ${cut} request(s) still running after the grace period were cut`);
    await app.close();
    await streamRelay.close();
    await rag.close();
    await connection.close();
    // Last: spans of the requests that were still answering are flushed before the exit.
    await telemetry.shutdown();
    console.log('[api] stopped');
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(ConfigError.isInstance(error) ? error.message : error);
  process.exit(1);
});
