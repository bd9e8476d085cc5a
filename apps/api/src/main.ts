import { Client, Connection } from '@temporalio/client';
import { ConfigError, loadConfig } from '#libs/config';
import { createRagRuntime } from '#libs/rag-runtime';
import { startTelemetry, temporalClientInterceptors } from '#libs/telemetry';
import { createApiApp } from './create-api-app.js';

/** `node dist/apps/api/src/main.js`: the HTTP API on its own. */
async function main(): Promise<void> {
  const config = loadConfig();
  const telemetry = startTelemetry(config.observability.otel, { role: 'api' });
  const connection = await Connection.connect({ address: config.temporal.address });
  const client = new Client({ connection, namespace: config.temporal.namespace, interceptors: temporalClientInterceptors(telemetry) });
  const rag = await createRagRuntime(config);
  const app = await createApiApp({ config, client, rag, telemetry });
  await app.listen(config.server.port, config.server.host);
  console.log(`[api] listening on ${await app.getUrl()} (docs at /docs)${telemetry.enabled ? `; exporting traces to ${config.observability.otel.endpoint}` : ''}`);
  const stop = async () => {
    await app.close();
    await rag.close();
    await connection.close();
    // Last: spans of the requests that were still answering are flushed before the exit.
    await telemetry.shutdown();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(ConfigError.isInstance(error) ? error.message : error);
  process.exit(1);
});
