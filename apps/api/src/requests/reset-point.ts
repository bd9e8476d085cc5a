/** An event id as history carries it: a protobuf Long from the client, a number in tests. */
type EventId = number | { toString(): string } | null | undefined;

/** The parts of a history event (`temporal.api.history.v1.IHistoryEvent`) the reset point depends on. */
export interface HistoryEventLike {
  readonly eventId?: EventId;
  readonly workflowTaskCompletedEventAttributes?: object | null;
  readonly activityTaskScheduledEventAttributes?: { readonly activityId?: string | null; readonly activityType?: { readonly name?: string | null } | null; readonly workflowTaskCompletedEventId?: EventId } | null;
  readonly activityTaskFailedEventAttributes?: { readonly scheduledEventId?: EventId } | null;
  readonly activityTaskTimedOutEventAttributes?: { readonly scheduledEventId?: EventId } | null;
  readonly markerRecordedEventAttributes?: { readonly failure?: object | null; readonly workflowTaskCompletedEventId?: EventId } | null;
  readonly startChildWorkflowExecutionInitiatedEventAttributes?: { readonly workflowType?: { readonly name?: string | null } | null; readonly workflowTaskCompletedEventId?: EventId } | null;
  readonly childWorkflowExecutionFailedEventAttributes?: { readonly initiatedEventId?: EventId } | null;
  readonly childWorkflowExecutionTimedOutEventAttributes?: { readonly initiatedEventId?: EventId } | null;
}

type HistoryEvent = HistoryEventLike;

/** Where `POST /v1/requests/:id/reset` sends a workflow back to. */
export type ResetTarget = 'last-good-step' | 'first-step';

/** The workflow task to reset to, and why that one. */
export interface ResetPoint {
  /** A WorkflowTaskCompleted event id: the reset re-runs that task and everything after it. */
  readonly eventId: number;
  /** What the new run redoes, for the response and the reset reason. */
  readonly description: string;
}

/**
 * Finds the reset point in a run's history. `first-step` is the first completed workflow task.
 * `last-good-step` is the workflow task that scheduled the first step that failed (an activity
 * that failed or timed out, one still pending whose `failingActivityIds` says it keeps failing,
 * a local activity whose marker records a failure, a child workflow that failed): the reset keeps
 * every step before it and re-runs it. Undefined when there is no such point.
 */
export function findResetPoint(events: readonly HistoryEvent[], to: ResetTarget, failingActivityIds: ReadonlySet<string> = new Set()): ResetPoint | undefined {
  if (to === 'first-step') {
    const first = events.find((event) => event.workflowTaskCompletedEventAttributes);
    return first ? { eventId: Number(first.eventId), description: 'the first workflow task' } : undefined;
  }
  const failing = firstFailingStep(events, failingActivityIds);
  if (failing === undefined) return undefined;
  return { eventId: failing.workflowTaskCompletedEventId, description: `the workflow task that scheduled ${failing.name}` };
}

function firstFailingStep(events: readonly HistoryEvent[], failingActivityIds: ReadonlySet<string>): { workflowTaskCompletedEventId: number; name: string } | undefined {
  const failedScheduledIds = new Set<number>();
  const failedChildInitiatedIds = new Set<number>();
  for (const event of events) {
    const failed = event.activityTaskFailedEventAttributes ?? event.activityTaskTimedOutEventAttributes;
    if (failed?.scheduledEventId != null) failedScheduledIds.add(Number(failed.scheduledEventId));
    const child = event.childWorkflowExecutionFailedEventAttributes ?? event.childWorkflowExecutionTimedOutEventAttributes;
    if (child?.initiatedEventId != null) failedChildInitiatedIds.add(Number(child.initiatedEventId));
  }
  for (const event of events) {
    const scheduled = event.activityTaskScheduledEventAttributes;
    if (scheduled && (failedScheduledIds.has(Number(event.eventId)) || failingActivityIds.has(scheduled.activityId ?? ''))) {
      return { workflowTaskCompletedEventId: Number(scheduled.workflowTaskCompletedEventId), name: `activity ${scheduled.activityType?.name ?? '?'} (event ${Number(event.eventId)})` };
    }
    const marker = event.markerRecordedEventAttributes;
    if (marker?.failure) {
      return { workflowTaskCompletedEventId: Number(marker.workflowTaskCompletedEventId), name: `local activity (marker event ${Number(event.eventId)})` };
    }
    const child = event.startChildWorkflowExecutionInitiatedEventAttributes;
    if (child && failedChildInitiatedIds.has(Number(event.eventId))) {
      return { workflowTaskCompletedEventId: Number(child.workflowTaskCompletedEventId), name: `child workflow ${child.workflowType?.name ?? '?'} (event ${Number(event.eventId)})` };
    }
  }
  return undefined;
}
