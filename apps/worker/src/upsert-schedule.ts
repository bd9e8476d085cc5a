import { ScheduleAlreadyRunning, ScheduleNotFoundError, type Client, type ScheduleOptions } from '@temporalio/client';

/**
 * Makes the Schedule `scheduleId` match `options`: creates it, or, when it already exists (another
 * worker made it, or an earlier configuration did), updates its spec, action and policies in place;
 * `undefined` deletes it, as the configuration no longer asks for it. Every worker calls this at
 * start, so each step tolerates a peer having done it first.
 */
export async function upsertSchedule(client: Client, scheduleId: string, options: ScheduleOptions | undefined): Promise<void> {
  if (options === undefined) {
    try {
      await client.schedule.getHandle(scheduleId).delete();
    } catch (error) {
      if (!(error instanceof ScheduleNotFoundError)) throw error;
    }
    return;
  }
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: { ...previous.policies, ...options.policies } }));
  }
}
