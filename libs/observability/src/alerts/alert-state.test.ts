import type { AlertEvaluation, AlertStatus } from './alert-evaluation.js';
import { nextAlertState, type AlertState } from './alert-state.js';

const rule = { name: 'support-latency', webhooks: ['ops-slack'] };
const withReminders = { ...rule, repeatAfter: '30m' };
const at = (minute: number) => new Date(Date.UTC(2024, 1, 8, 12, minute));
const iso = (minute: number) => at(minute).toISOString();

function evaluation(status: AlertStatus, value: number | null, minute = 0): AlertEvaluation {
  return {
    key: 'support-latency:*',
    rule: 'support-latency',
    kind: 'latency',
    severity: 'critical',
    subject: '*',
    status,
    value,
    threshold: 820,
    unit: 'ms',
    summary: `latency p95 ${value} ms`,
    evaluatedAt: iso(minute),
  };
}

/** Runs evaluations one a minute from minute 0 and returns every transition. */
function run(statuses: readonly [AlertStatus, number | null][], notifying = rule) {
  let state: AlertState | undefined;
  return statuses.map(([status, value], minute) => {
    const transition = nextAlertState(state, evaluation(status, value, minute), at(minute), notifying);
    state = transition.state;
    return transition;
  });
}

test('ok → firing notifies once, with the state remembering when it started', () => {
  const [first, second, third] = run([
    ['ok', 400],
    ['firing', 1240],
    ['firing', 1300],
  ]);
  expect(first?.notification).toBeUndefined();
  expect(second?.notification).toEqual({
    id: `support-latency:*/firing/${iso(1)}`,
    kind: 'firing',
    key: 'support-latency:*',
    rule: 'support-latency',
    ruleKind: 'latency',
    severity: 'critical',
    subject: '*',
    value: 1240,
    threshold: 820,
    unit: 'ms',
    summary: 'latency p95 1240 ms',
    since: iso(1),
    at: iso(1),
    webhooks: ['ops-slack'],
  });
  expect(third?.notification).toBeUndefined();
  expect(third?.state).toEqual({
    key: 'support-latency:*',
    rule: 'support-latency',
    kind: 'latency',
    severity: 'critical',
    subject: '*',
    status: 'firing',
    since: iso(1),
    lastNotifiedAt: iso(1),
    lastValue: 1300,
    lastThreshold: 820,
    unit: 'ms',
    summary: 'latency p95 1300 ms',
  });
});

test('the first evaluation firing notifies too', () => {
  expect(run([['firing', 2000]])[0]?.notification?.kind).toBe('firing');
});

test('firing → ok sends one recovery notice that says since when it fired', () => {
  const transitions = run([
    ['firing', 1240],
    ['firing', 1240],
    ['ok', 400],
    ['ok', 380],
  ]);
  expect(transitions.map((transition) => transition.notification?.kind)).toEqual(['firing', undefined, 'resolved', undefined]);
  expect(transitions[2]?.notification).toMatchObject({ since: iso(0), at: iso(2), value: 400 });
  expect(transitions[3]?.state).toMatchObject({ status: 'ok', since: iso(2), lastNotifiedAt: iso(2) });
});

test('no-data keeps the previous state exactly and notifies nothing', () => {
  const transitions = run([
    ['firing', 1240],
    ['no-data', null],
    ['no-data', null],
    ['firing', 1250],
  ]);
  expect(transitions[1]?.state).toBe(transitions[0]?.state);
  expect(transitions.map((transition) => transition.notification?.kind)).toEqual(['firing', undefined, undefined, undefined]);
  expect(transitions[3]?.state.since).toBe(iso(0));
});

test('a quiet period does not resolve or re-open an ok alert either', () => {
  const transitions = run([
    ['ok', 300],
    ['no-data', null],
    ['ok', 310],
  ]);
  expect(transitions[2]?.state).toMatchObject({ status: 'ok', since: iso(0) });
});

test('with no state yet, no-data starts a no-data state, and data later decides without a recovery notice', () => {
  const transitions = run([
    ['no-data', null],
    ['ok', 300],
  ]);
  expect(transitions[0]?.state).toMatchObject({ status: 'no-data', since: iso(0), lastNotifiedAt: null, lastValue: null });
  expect(transitions[1]).toEqual({ state: expect.objectContaining({ status: 'ok', since: iso(1) }) });
});

test('reminders go out only once repeatAfter has passed since the last notification', () => {
  const statuses = Array.from({ length: 61 }, () => ['firing', 1240] as [AlertStatus, number]);
  const transitions = run(statuses, withReminders);
  const sent = transitions.flatMap((transition, minute) => (transition.notification ? [[minute, transition.notification.kind]] : []));
  expect(sent).toEqual([
    [0, 'firing'],
    [30, 'reminder'],
    [60, 'reminder'],
  ]);
  expect(transitions[30]?.notification).toMatchObject({ since: iso(0), at: iso(30) });
  expect(transitions[45]?.state).toMatchObject({ since: iso(0), lastNotifiedAt: iso(30) });
});

test('without repeatAfter a long firing alert stays silent after its first notice', () => {
  const statuses = Array.from({ length: 90 }, () => ['firing', 1240] as [AlertStatus, number]);
  expect(run(statuses).filter((transition) => transition.notification).length).toBe(1);
});

test('states are JSON round-trippable', () => {
  const [transition] = run([['firing', 1240]]);
  expect(JSON.parse(JSON.stringify(transition?.state))).toEqual(transition?.state);
});

test('an evaluation of another rule or another key is refused', () => {
  const [transition] = run([['ok', 1]]);
  expect(() => nextAlertState(undefined, evaluation('ok', 1), at(0), { name: 'other', webhooks: [] })).toThrow("is of rule 'support-latency', not 'other'");
  const otherKey = { ...evaluation('ok', 1), key: 'support-latency:acme' };
  expect(() => nextAlertState(transition?.state, otherKey, at(1), rule)).toThrow('state support-latency:* cannot take evaluation support-latency:acme');
});
