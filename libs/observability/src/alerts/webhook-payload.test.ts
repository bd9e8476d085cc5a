import type { AlertNotification } from './alert-state.js';
import { formatFigure, toWebhookPayload } from './webhook-payload.js';

const firing: AlertNotification = {
  id: 'support-latency:*/firing/2024-02-08T12:00:00.000Z',
  kind: 'firing',
  key: 'support-latency:*',
  rule: 'support-latency',
  ruleKind: 'latency',
  severity: 'critical',
  subject: '*',
  value: 1240,
  threshold: 820,
  unit: 'ms',
  summary: 'latency p95 1,240 ms > 2× baseline 410 ms (route support, last 5m)',
  since: '2024-02-08T12:00:00.000Z',
  at: '2024-02-08T12:00:00.000Z',
  webhooks: ['ops-slack'],
};

test('a firing notification is Slack JSON with a severity-coloured detail block and the facts for machines', () => {
  const payload = toWebhookPayload(firing, { dashboardUrl: 'https://ballast.example.com/dashboard?alert=support-latency' });
  expect(payload.text).toBe(':red_circle: [critical] latency p95 1,240 ms > 2× baseline 410 ms (route support, last 5m)');
  expect(payload.blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: payload.text } }]);
  expect(payload.attachments).toEqual([
    {
      color: '#d93f0b',
      blocks: [
        {
          type: 'section',
          fields: [
            { type: 'mrkdwn', text: '*Rule*\nsupport-latency (latency)' },
            { type: 'mrkdwn', text: '*Severity*\ncritical' },
            { type: 'mrkdwn', text: '*Subject*\nwhole scope' },
            { type: 'mrkdwn', text: '*Value*\n1,240 ms' },
            { type: 'mrkdwn', text: '*Threshold*\n820 ms' },
            { type: 'mrkdwn', text: '*Firing since*\n2024-02-08T12:00:00.000Z' },
          ],
        },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'alert `support-latency:*` · 2024-02-08T12:00:00.000Z' }] },
        { type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open dashboard' }, url: 'https://ballast.example.com/dashboard?alert=support-latency' }] },
      ],
    },
  ]);
  expect(payload.ballast).toEqual({
    notification: 'firing',
    rule: 'support-latency',
    kind: 'latency',
    severity: 'critical',
    status: 'firing',
    subject: '*',
    value: 1240,
    threshold: 820,
    unit: 'ms',
    since: '2024-02-08T12:00:00.000Z',
    at: '2024-02-08T12:00:00.000Z',
    summary: firing.summary,
    dashboardUrl: 'https://ballast.example.com/dashboard?alert=support-latency',
  });
  expect(JSON.parse(JSON.stringify(payload))).toEqual(payload);
});

test('a resolved notification is green, says how long it fired, and has no button without a dashboard', () => {
  const payload = toWebhookPayload({ ...firing, kind: 'resolved', value: 400, summary: 'latency p95 400 ms ≤ 2× baseline 410 ms (route support, last 5m)', at: '2024-02-08T12:35:00.000Z' });
  expect(payload.text).toBe(':white_check_mark: resolved [critical] after 35m: latency p95 400 ms ≤ 2× baseline 410 ms (route support, last 5m)');
  expect(payload.attachments[0].color).toBe('#2eb67d');
  expect(payload.attachments[0].blocks.map((block) => block.type)).toEqual(['section', 'context']);
  expect(payload.attachments[0].blocks[0]).toMatchObject({ fields: expect.arrayContaining([{ type: 'mrkdwn', text: '*Fired for*\n35m' }]) });
  expect(payload.ballast).toMatchObject({ notification: 'resolved', status: 'resolved', value: 400 });
  expect(payload.ballast).not.toHaveProperty('dashboardUrl');
});

test('a reminder says how long the alert has been firing; severities have their own emoji', () => {
  const reminder = toWebhookPayload({ ...firing, kind: 'reminder', severity: 'warning', at: '2024-02-08T14:05:00.000Z' });
  expect(reminder.text).toBe(':large_orange_circle: [warning] still firing after 2h 5m: latency p95 1,240 ms > 2× baseline 410 ms (route support, last 5m)');
  expect(reminder.ballast).toMatchObject({ notification: 'reminder', status: 'firing' });
  expect(toWebhookPayload({ ...firing, severity: 'info' }).text.startsWith(':large_blue_circle: [info]')).toBe(true);
});

test('per-tenant alerts carry their tenant', () => {
  const payload = toWebhookPayload({ ...firing, ruleKind: 'cost-anomaly', subject: 'acme', tenant: 'acme', unit: 'usd-per-hour', value: 25.2, threshold: 1.5 });
  expect(payload.ballast).toMatchObject({ tenant: 'acme', subject: 'acme' });
  expect(payload.attachments[0].blocks[0]).toMatchObject({ fields: expect.arrayContaining([{ type: 'mrkdwn', text: '*Value*\n$25.20/h' }]) });
});

test('figures read in their unit', () => {
  expect(formatFigure(1240, 'ms')).toBe('1,240 ms');
  expect(formatFigure(4.2, 'usd-per-hour')).toBe('$4.20/h');
  expect(formatFigure(0.075, 'ratio')).toBe('7.5%');
  expect(formatFigure(null, 'ms')).toBe('–');
});
