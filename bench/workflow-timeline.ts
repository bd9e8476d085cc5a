import { Client, Connection } from '@temporalio/client';
// A CommonJS package whose namespace object Node's ESM loader cannot split into named exports.
import proto from '@temporalio/proto';
import { median, round } from './latency-stats.js';

const EventType = proto.temporal.api.enums.v1.EventType;
type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;

/** Where a chat workflow's time went, as the Temporal server recorded it (medians over a sample). */
export interface WorkflowTimeline {
  readonly sampled: number;
  /** Workflow started → closed. */
  readonly serverTotalMs: number;
  /** First workflow task scheduled → picked up by a worker (≈0 with eager start). */
  readonly firstTaskWaitMs: number;
  /** All workflow tasks: time queued, and time a worker held them. */
  readonly taskWaitMs: number;
  readonly taskRunMs: number;
  /** Regular activities: scheduled → completed. */
  readonly activityMs: number;
  readonly workflowTasks: number;
  readonly activities: number;
  readonly localActivities: number;
  readonly events: number;
  /** Encoded size of the whole history. */
  readonly historyBytes: number;
  /** Workflow tasks that timed out or failed, summed over the sample (a slow request's usual cause). */
  readonly taskTimeoutsTotal: number;
  readonly taskFailuresTotal: number;
}

/** Reads the histories of `workflowIds` and returns the medians of their timings. */
export async function workflowTimeline(address: string, workflowIds: readonly string[]): Promise<WorkflowTimeline | undefined> {
  if (workflowIds.length === 0) return undefined;
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection });
    const rows: Array<ReturnType<typeof timelineOf> & { historyBytes: number }> = [];
    for (const workflowId of workflowIds) {
      const history = await client.workflow.getHandle(workflowId).fetchHistory();
      rows.push({ ...timelineOf(history.events ?? []), historyBytes: proto.temporal.api.history.v1.History.encode(history).finish().length });
    }
    const medianOf = (pick: (row: ReturnType<typeof timelineOf> & { historyBytes: number }) => number) => round(median(rows.map(pick)));
    return {
      sampled: rows.length,
      serverTotalMs: medianOf((row) => row.totalMs),
      firstTaskWaitMs: medianOf((row) => row.firstTaskWaitMs),
      taskWaitMs: medianOf((row) => row.taskWaitMs),
      taskRunMs: medianOf((row) => row.taskRunMs),
      activityMs: medianOf((row) => row.activityMs),
      workflowTasks: medianOf((row) => row.workflowTasks),
      activities: medianOf((row) => row.activities),
      localActivities: medianOf((row) => row.localActivities),
      events: medianOf((row) => row.events),
      historyBytes: medianOf((row) => row.historyBytes),
      taskTimeoutsTotal: rows.reduce((sum, row) => sum + row.taskTimeouts, 0),
      taskFailuresTotal: rows.reduce((sum, row) => sum + row.taskFailures, 0),
    };
  } finally {
    await connection.close();
  }
}

function timelineOf(events: readonly HistoryEvent[]) {
  const at = (event: HistoryEvent) => {
    const time = event.eventTime;
    return time ? Number(String(time.seconds ?? 0)) * 1000 + (time.nanos ?? 0) / 1e6 : Number.NaN;
  };
  let started = Number.NaN;
  let closed = Number.NaN;
  let firstTaskWaitMs = Number.NaN;
  let taskWaitMs = 0;
  let taskRunMs = 0;
  let activityMs = 0;
  let workflowTasks = 0;
  let activities = 0;
  let localActivities = 0;
  let taskTimeouts = 0;
  let taskFailures = 0;
  let taskScheduled = Number.NaN;
  let taskStarted = Number.NaN;
  const activityScheduled = new Map<string, number>();
  for (const event of events) {
    const time = at(event);
    switch (event.eventType) {
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED:
        started = time;
        break;
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED:
      case EventType.EVENT_TYPE_WORKFLOW_EXECUTION_FAILED:
        closed = time;
        break;
      case EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED:
        taskScheduled = time;
        break;
      case EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED:
        taskStarted = time;
        if (Number.isNaN(firstTaskWaitMs)) firstTaskWaitMs = time - taskScheduled;
        taskWaitMs += time - taskScheduled;
        break;
      case EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
        workflowTasks += 1;
        taskRunMs += time - taskStarted;
        break;
      case EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED:
        activities += 1;
        activityScheduled.set(String(event.eventId), time);
        break;
      case EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED: {
        const scheduled = activityScheduled.get(String(event.activityTaskCompletedEventAttributes?.scheduledEventId));
        if (scheduled !== undefined) activityMs += time - scheduled;
        break;
      }
      case EventType.EVENT_TYPE_MARKER_RECORDED:
        localActivities += 1;
        break;
      case EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT:
        taskTimeouts += 1;
        break;
      case EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED:
        taskFailures += 1;
        break;
      default:
        break;
    }
  }
  return { totalMs: closed - started, firstTaskWaitMs, taskWaitMs, taskRunMs, activityMs, workflowTasks, activities, localActivities, taskTimeouts, taskFailures, events: events.length };
}
