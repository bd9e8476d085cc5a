/**
 * Bench-only workflow that does (almost) nothing: the floor Temporal itself puts under any
 * durable path on this machine, to tell Temporal's share of the added latency from Ballast's.
 * It answers an Update-with-Start caller the same way chatWorkflow does.
 */
import { allHandlersFinished, condition, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { FloorActivities } from './floor-activities.js';
import { floorResultUpdate } from './floor-messages.js';

/** What the floor workflow runs before it returns. */
export type FloorStep = 'none' | 'local-activity' | 'activity';

const { echo } = proxyActivities<FloorActivities>({ startToCloseTimeout: '10 seconds' });
const { echo: echoLocally } = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '10 seconds' });

export async function floorWorkflow(step: FloorStep): Promise<string> {
  let result: string | undefined;
  setHandler(floorResultUpdate, async () => {
    await condition(() => result !== undefined);
    return result as string;
  });
  result = step === 'activity' ? await echo('ok') : step === 'local-activity' ? await echoLocally('ok') : 'ok';
  await condition(allHandlersFinished);
  return result;
}
