import { findResetPoint, type HistoryEventLike as HistoryEvent } from './reset-point.js';

/** A chat-like history: plan (local activity) → retrieve (activity, completed) → callModel (failed). */
function history(options: { callModel: 'failed' | 'completed' | 'pending' }): HistoryEvent[] {
  const events = [
    { eventId: 1, workflowExecutionStartedEventAttributes: {} },
    { eventId: 2, workflowTaskScheduledEventAttributes: {} },
    { eventId: 3, workflowTaskStartedEventAttributes: {} },
    { eventId: 4, workflowTaskCompletedEventAttributes: {} },
    { eventId: 5, markerRecordedEventAttributes: { markerName: 'core_local_activity', workflowTaskCompletedEventId: 4 } },
    { eventId: 6, activityTaskScheduledEventAttributes: { activityId: '1', activityType: { name: 'retrieveContext' }, workflowTaskCompletedEventId: 4 } },
    { eventId: 7, activityTaskStartedEventAttributes: { scheduledEventId: 6 } },
    { eventId: 8, activityTaskCompletedEventAttributes: { scheduledEventId: 6 } },
    { eventId: 9, workflowTaskScheduledEventAttributes: {} },
    { eventId: 10, workflowTaskStartedEventAttributes: {} },
    { eventId: 11, workflowTaskCompletedEventAttributes: {} },
    { eventId: 12, activityTaskScheduledEventAttributes: { activityId: '2', activityType: { name: 'callModel' }, workflowTaskCompletedEventId: 11 } },
  ] as HistoryEvent[];
  if (options.callModel === 'pending') return events;
  events.push({ eventId: 13, activityTaskStartedEventAttributes: { scheduledEventId: 12 } } as HistoryEvent);
  events.push(
    options.callModel === 'failed'
      ? { eventId: 14, activityTaskFailedEventAttributes: { scheduledEventId: 12 } }
      : ({ eventId: 14, activityTaskCompletedEventAttributes: { scheduledEventId: 12 } } as HistoryEvent),
  );
  return events;
}

test('last-good-step is the workflow task that scheduled the first failed activity, keeping the steps before it', () => {
  expect(findResetPoint(history({ callModel: 'failed' }), 'last-good-step')).toEqual({ eventId: 11, description: 'the workflow task that scheduled activity callModel (event 12)' });
});

test('first-step is the first completed workflow task', () => {
  expect(findResetPoint(history({ callModel: 'failed' }), 'first-step')?.eventId).toBe(4);
});

test('a pending activity counts as failing only when the server says its attempts keep failing', () => {
  expect(findResetPoint(history({ callModel: 'pending' }), 'last-good-step')).toBeUndefined();
  expect(findResetPoint(history({ callModel: 'pending' }), 'last-good-step', new Set(['2']))?.eventId).toBe(11);
});

test('nothing failed: no reset point', () => {
  expect(findResetPoint(history({ callModel: 'completed' }), 'last-good-step')).toBeUndefined();
});

test('a local activity whose marker records a failure is a failed step', () => {
  const events = [
    { eventId: 1, workflowExecutionStartedEventAttributes: {} },
    { eventId: 4, workflowTaskCompletedEventAttributes: {} },
    { eventId: 5, markerRecordedEventAttributes: { markerName: 'core_local_activity', workflowTaskCompletedEventId: 4 } },
    { eventId: 8, workflowTaskCompletedEventAttributes: {} },
    { eventId: 9, markerRecordedEventAttributes: { markerName: 'core_local_activity', workflowTaskCompletedEventId: 8, failure: { message: '503' } } },
  ] as HistoryEvent[];
  expect(findResetPoint(events, 'last-good-step')?.eventId).toBe(8);
});
