/**
 * Bench-only entry: a worker for the floor workflow, with the chat worker's options.
 *
 *   node dist/bench/floor/floor-worker.js --address 127.0.0.1:7233 --task-queue q
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { createFloorActivities } from './floor-activities.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { address: { type: 'string' }, 'task-queue': { type: 'string' } } });
  if (!values.address || !values['task-queue']) throw new Error('--address and --task-queue are required');
  Runtime.install({ shutdownSignals: [], logger: new DefaultLogger('WARN') });
  // Bundled from the compiled JavaScript beside this file, so no TypeScript loader is needed.
  const { code } = await bundleWorkflowCode({
    workflowsPath: join(dirname(fileURLToPath(import.meta.url)), 'floor.workflow.js'),
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
  });
  const connection = await NativeConnection.connect({ address: values.address });
  const worker = await Worker.create({
    connection,
    taskQueue: values['task-queue'],
    workflowBundle: { code },
    activities: createFloorActivities(),
    stickyQueueScheduleToStartTimeout: '3s',
  });
  const run = worker.run();
  console.log('[floor-worker] ready');
  process.once('SIGTERM', () => worker.shutdown());
  process.once('SIGINT', () => worker.shutdown());
  await run;
  await connection.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
