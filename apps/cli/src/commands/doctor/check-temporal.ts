import { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTE_DECLARATIONS } from '#libs/contracts';
// A CommonJS package whose namespace object Node's ESM loader cannot split into named exports.
import proto from '@temporalio/proto';
import { errorMessage, withTimeout, type CheckResult, type DoctorCheck } from './doctor-check.js';

const START_HINT = 'start it (`npm start` runs a dev server; `temporal server start-dev` does too) or set TEMPORAL_ADDRESS (temporal.address) to where it listens';

/**
 * Temporal: the frontend answers at `temporal.address`, the namespace exists, Ballast's
 * search attributes are registered in it, and a worker polls the task queue.
 */
export const checkTemporal: DoctorCheck = async ({ config, timeoutMs }) => {
  const { address, namespace, taskQueue } = config.temporal;
  let connection: Connection;
  try {
    connection = await withTimeout(Connection.connect({ address, connectTimeout: timeoutMs }), timeoutMs);
  } catch (error) {
    return [{ name: 'temporal', status: 'fail', detail: `cannot reach Temporal at ${address}: ${errorMessage(error)}`, fix: START_HINT }];
  }
  try {
    const results: CheckResult[] = [];
    const call = <T>(work: Promise<T>) => withTimeout(work, timeoutMs);
    try {
      const info = await call(connection.workflowService.getSystemInfo({}));
      results.push({ name: 'temporal', status: 'pass', detail: `reached ${address}${info.serverVersion ? ` (server ${info.serverVersion})` : ''}` });
    } catch (error) {
      return [{ name: 'temporal', status: 'fail', detail: `Temporal at ${address} does not answer: ${errorMessage(error)}`, fix: START_HINT }];
    }
    try {
      await call(connection.workflowService.describeNamespace({ namespace }));
      results.push({ name: 'temporal namespace', status: 'pass', detail: `namespace '${namespace}' exists` });
    } catch (error) {
      results.push({
        name: 'temporal namespace',
        status: 'fail',
        detail: `namespace '${namespace}' is not usable: ${errorMessage(error)}`,
        fix: `create it (\`temporal operator namespace create --namespace ${namespace}\`) or set TEMPORAL_NAMESPACE to an existing one`,
      });
      return results;
    }
    results.push(await checkSearchAttributes(connection, namespace, call));
    results.push(await checkPollers(connection, namespace, taskQueue, call));
    return results;
  } finally {
    await connection.close().catch(() => undefined);
  }
};

type Call = <T>(work: Promise<T>) => Promise<T>;

async function checkSearchAttributes(connection: Connection, namespace: string, call: Call): Promise<CheckResult> {
  const name = 'temporal search attributes';
  try {
    const existing = await call(connection.operatorService.listSearchAttributes({ namespace }));
    const missing = SEARCH_ATTRIBUTE_DECLARATIONS.filter((attribute) => !(attribute.name in (existing.customAttributes ?? {})));
    if (missing.length === 0) return { name, status: 'pass', detail: `all ${SEARCH_ATTRIBUTE_DECLARATIONS.length} registered` };
    return {
      name,
      status: 'fail',
      detail: `missing in namespace '${namespace}': ${missing.map((attribute) => attribute.name).join(', ')}`,
      fix: `start a worker once (it registers them), or: ${missing.map((attribute) => `temporal operator search-attribute create --namespace ${namespace} --name ${attribute.name} --type ${attribute.type}`).join('; ')}`,
    };
  } catch (error) {
    return { name, status: 'fail', detail: `cannot list them: ${errorMessage(error)}`, fix: 'the Temporal user needs operator access to list search attributes' };
  }
}

async function checkPollers(connection: Connection, namespace: string, taskQueue: string, call: Call): Promise<CheckResult> {
  const name = 'temporal worker';
  const types = proto.temporal.api.enums.v1.TaskQueueType;
  try {
    const [workflowQueue, activityQueue] = await Promise.all(
      [types.TASK_QUEUE_TYPE_WORKFLOW, types.TASK_QUEUE_TYPE_ACTIVITY].map((taskQueueType) =>
        call(connection.workflowService.describeTaskQueue({ namespace, taskQueue: { name: taskQueue }, taskQueueType })),
      ),
    );
    const identities = new Set([...(workflowQueue?.pollers ?? []), ...(activityQueue?.pollers ?? [])].map((poller) => poller.identity ?? '?'));
    if ((workflowQueue?.pollers ?? []).length > 0 && (activityQueue?.pollers ?? []).length > 0) {
      return { name, status: 'pass', detail: `${identities.size} worker${identities.size === 1 ? '' : 's'} polling task queue '${taskQueue}': ${[...identities].join(', ')}` };
    }
    // Not a failure: doctor is also run before the workers are started.
    return {
      name,
      status: 'warn',
      detail: `no worker has polled task queue '${taskQueue}' recently: chat requests would wait until one does`,
      fix: 'start a worker (`node dist/apps/worker/src/main.js`, or `npm start` on one machine) with the same TEMPORAL_ADDRESS and BALLAST_TASK_QUEUE',
    };
  } catch (error) {
    return { name, status: 'fail', detail: `cannot describe task queue '${taskQueue}': ${errorMessage(error)}`, fix: 'check BALLAST_TASK_QUEUE (temporal.taskQueue)' };
  }
}
