import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { ConfigError, loadConfig } from '#libs/config';
import { createRagRuntime } from '#libs/rag-runtime';
import { createChatWorker } from './create-worker.js';
import { ensureSearchAttributes } from './ensure-search-attributes.js';

/** `node dist/apps/worker/src/main.js`: runs a chat worker until SIGINT/SIGTERM, then drains. */
async function main(): Promise<void> {
  const config = loadConfig();
  const clientConnection = await Connection.connect({ address: config.temporal.address });
  await ensureSearchAttributes(clientConnection, config.temporal.namespace);
  const client = new Client({ connection: clientConnection, namespace: config.temporal.namespace });
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const rag = await createRagRuntime(config);
  const worker = await createChatWorker({ config, connection, client, rag });
  console.log(`[worker] polling task queue '${config.temporal.taskQueue}' on ${config.temporal.address}`);
  // The SDK's runtime turns SIGINT/SIGTERM into a graceful shutdown: in-flight activities finish.
  await worker.run();
  await rag.close();
  await connection.close();
  await clientConnection.close();
  console.log('[worker] stopped');
}

main().catch((error: unknown) => {
  console.error(ConfigError.isInstance(error) ? error.message : error);
  process.exit(1);
});
