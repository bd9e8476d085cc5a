import { formatMs, formatPercent, formatUsd } from '../format/figures.js';
import { formatElapsed } from '../time/duration.js';
import type { AlertUnit } from './alert-evaluation.js';
import type { AlertNotification, AlertNotificationKind } from './alert-state.js';
import type { AlertRuleKind, AlertSeverity } from './alerts-policy.js';

/** A Slack Block Kit block; only the shapes this payload uses. */
export type SlackBlock =
  | { readonly type: 'section'; readonly text: SlackText }
  | { readonly type: 'section'; readonly fields: readonly SlackText[] }
  | { readonly type: 'context'; readonly elements: readonly SlackText[] }
  | { readonly type: 'actions'; readonly elements: readonly SlackButton[] };

export interface SlackText {
  readonly type: 'mrkdwn' | 'plain_text';
  readonly text: string;
}

export interface SlackButton {
  readonly type: 'button';
  readonly text: SlackText & { readonly type: 'plain_text' };
  readonly url: string;
}

/** What Ballast posts to a webhook: Slack's incoming-webhook JSON plus the machine-readable facts. */
export interface AlertWebhookPayload {
  /** The notification in one line; Slack shows it in notifications and where blocks are not rendered. */
  readonly text: string;
  readonly blocks: readonly SlackBlock[];
  /** A coloured bar by severity (green when resolved) holding the details. */
  readonly attachments: readonly [{ readonly color: string; readonly blocks: readonly SlackBlock[] }];
  /** For receivers other than Slack: the same facts, unformatted. */
  readonly ballast: {
    readonly notification: AlertNotificationKind;
    readonly rule: string;
    readonly kind: AlertRuleKind;
    readonly severity: AlertSeverity;
    readonly status: 'firing' | 'resolved';
    readonly subject: string;
    readonly tenant?: string;
    readonly value: number | null;
    readonly threshold: number | null;
    readonly unit: AlertUnit;
    readonly since: string;
    readonly at: string;
    readonly summary: string;
    readonly dashboardUrl?: string;
  };
}

const SEVERITY_EMOJI: Record<AlertSeverity, string> = { critical: ':red_circle:', warning: ':large_orange_circle:', info: ':large_blue_circle:' };
const SEVERITY_COLOR: Record<AlertSeverity, string> = { critical: '#d93f0b', warning: '#f2c744', info: '#1d76db' };
const RESOLVED_COLOR = '#2eb67d';

/**
 * The JSON to POST for a notification, e.g. text `:red_circle: [critical] latency p95 1,240 ms >
 * 2× baseline 410 ms (route support, last 5m)` or `:white_check_mark: resolved [critical] …`.
 */
export function toWebhookPayload(notification: AlertNotification, options: { readonly dashboardUrl?: string } = {}): AlertWebhookPayload {
  const resolved = notification.kind === 'resolved';
  const elapsed = formatElapsed(Date.parse(notification.at) - Date.parse(notification.since));
  const text = headline(notification, elapsed);
  const fields: SlackText[] = [
    field('Rule', `${notification.rule} (${notification.ruleKind})`),
    field('Severity', notification.severity),
    field('Subject', notification.subject === '*' ? 'whole scope' : notification.subject),
    field('Value', formatFigure(notification.value, notification.unit)),
    field('Threshold', formatFigure(notification.threshold, notification.unit)),
    field(resolved ? 'Fired for' : 'Firing since', resolved ? elapsed : notification.since),
  ];
  const details: SlackBlock[] = [{ type: 'section', fields }, { type: 'context', elements: [{ type: 'mrkdwn', text: `alert \`${notification.key}\` · ${notification.at}` }] }];
  if (options.dashboardUrl !== undefined) {
    details.push({ type: 'actions', elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open dashboard' }, url: options.dashboardUrl }] });
  }
  return {
    text,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
    attachments: [{ color: resolved ? RESOLVED_COLOR : SEVERITY_COLOR[notification.severity], blocks: details }],
    ballast: {
      notification: notification.kind,
      rule: notification.rule,
      kind: notification.ruleKind,
      severity: notification.severity,
      status: resolved ? 'resolved' : 'firing',
      subject: notification.subject,
      ...(notification.tenant === undefined ? {} : { tenant: notification.tenant }),
      value: notification.value,
      threshold: notification.threshold,
      unit: notification.unit,
      since: notification.since,
      at: notification.at,
      summary: notification.summary,
      ...(options.dashboardUrl === undefined ? {} : { dashboardUrl: options.dashboardUrl }),
    },
  };
}

function headline(notification: AlertNotification, elapsed: string): string {
  const tag = `[${notification.severity}]`;
  switch (notification.kind) {
    case 'firing':
      return `${SEVERITY_EMOJI[notification.severity]} ${tag} ${notification.summary}`;
    case 'reminder':
      return `${SEVERITY_EMOJI[notification.severity]} ${tag} still firing after ${elapsed}: ${notification.summary}`;
    case 'resolved':
      return `:white_check_mark: resolved ${tag} after ${elapsed}: ${notification.summary}`;
  }
}

function field(label: string, value: string): SlackText {
  return { type: 'mrkdwn', text: `*${label}*\n${value}` };
}

/** `1,240 ms`, `$4.20/h`, `7.5%`, or `–` when there is no figure. */
export function formatFigure(value: number | null, unit: AlertUnit): string {
  if (value === null) return '–';
  switch (unit) {
    case 'ms':
      return formatMs(value);
    case 'usd-per-hour':
      return `${formatUsd(value)}/h`;
    case 'ratio':
      return formatPercent(value);
  }
}
