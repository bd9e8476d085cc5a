import { z } from 'zod';
import { durationSchema } from '../time/duration.js';

/** How loud an alert is; the webhook payload shows it and picks its colour from it. */
export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

const name = (what: string) => z.string().regex(/^[a-z0-9][a-z0-9-]*$/, `${what} names are lowercase letters, digits and dashes`);
const count = z.number().int().positive();
const share = z.number().min(0).max(1);
const duration = durationSchema({ min: '10s' });

/** Fields every rule has. */
const ruleBase = {
  /** Keys the alert's state and shows in every notification; unique among rules. */
  name: name('rule'),
  /** Names of `webhooks` entries to notify; none: the alert is only visible in Ballast. */
  webhooks: z.array(z.string()).default([]),
  severity: z.enum(ALERT_SEVERITIES).default('warning'),
  /** While firing, notify again after this long; absent: once per firing. */
  repeatAfter: duration.optional(),
};

/** Fields of rules over request traffic. */
const trafficRule = {
  ...ruleBase,
  /** Only this tenant's traffic; absent: every tenant's. */
  tenant: z.string().min(1).optional(),
  /** Only this route's traffic; absent: every route's. */
  route: z.string().min(1).optional(),
  /** The recent period evaluated, ending at the evaluation. */
  window: duration.default('5m'),
};

/** p95 latency over `window` above `factor` × its p95 over the `baselineWindow` before, and above `minMs`. */
export const latencyRuleSchema = z.strictObject({
  kind: z.literal('latency'),
  ...trafficRule,
  /** The period compared against: the one right before `window`. */
  baselineWindow: duration.default('1h'),
  factor: z.number().gt(1).default(2),
  /** Never fire below this p95, however fast the baseline was. */
  minMs: z.number().nonnegative().default(500),
  /** Requests needed in the window, and in the baseline, for a p95 to mean something. */
  minRequests: count.default(20),
});

/**
 * A tenant's spend rate (USD/hour) over `window` above `factor` × its rate over the
 * `baselineWindow` before, with at least `minUsd` spent in the window. Every tenant is evaluated
 * separately unless `tenant` names one.
 */
export const costAnomalyRuleSchema = z.strictObject({
  kind: z.literal('cost-anomaly'),
  ...trafficRule,
  /** The period compared against: the one right before `window`. */
  baselineWindow: duration.default('24h'),
  factor: z.number().gt(1).default(3),
  minUsd: z.number().nonnegative().default(1),
});

/** More than `maxShare` of the answers in `window` have a groundedness score below `below`. */
export const hallucinationRuleSchema = z.strictObject({
  kind: z.literal('hallucination'),
  ...trafficRule,
  below: share.default(0.5),
  maxShare: share.default(0.1),
  /** Scored answers needed in the window. */
  minAnswers: count.default(20),
});

/** More than `maxRate` of the requests in `window` failed (of `errorTypes`, when given). */
export const errorRateRuleSchema = z.strictObject({
  kind: z.literal('error-rate'),
  ...trafficRule,
  maxRate: share.default(0.05),
  minRequests: count.default(20),
  /** Count only these error types (e.g. `timeout`, `rate_limit`); absent: every failed request. */
  errorTypes: z.array(z.string().min(1)).min(1).optional(),
});

/** A budget cap's spend has reached its soft limit (`budgets.softLimitRatio` of the cap). */
export const budgetSoftLimitRuleSchema = z.strictObject({
  kind: z.literal('budget-soft-limit'),
  ...ruleBase,
  /** Only this tenant's caps (its own, its users' and its keys'). */
  tenant: z.string().min(1).optional(),
});

export const alertRuleSchema = z.discriminatedUnion('kind', [latencyRuleSchema, costAnomalyRuleSchema, hallucinationRuleSchema, errorRateRuleSchema, budgetSoftLimitRuleSchema], {
  error: (issue) =>
    issue.code === 'invalid_union' ? `unknown alert kind: use one of latency, cost-anomaly, hallucination, error-rate, budget-soft-limit` : undefined,
});

export type LatencyRule = z.output<typeof latencyRuleSchema>;
export type CostAnomalyRule = z.output<typeof costAnomalyRuleSchema>;
export type HallucinationRule = z.output<typeof hallucinationRuleSchema>;
export type ErrorRateRule = z.output<typeof errorRateRuleSchema>;
export type BudgetSoftLimitRule = z.output<typeof budgetSoftLimitRuleSchema>;
/** One alert rule with its defaults filled in. */
export type AlertRule = z.output<typeof alertRuleSchema>;
export type AlertRuleKind = AlertRule['kind'];

/** A Slack-compatible incoming webhook (or anything that accepts the same JSON). */
export const alertWebhookSchema = z.strictObject({
  name: name('webhook'),
  url: z.url(),
  /** Extra request headers, e.g. an auth token for a non-Slack receiver. */
  headers: z.record(z.string(), z.string()).default({}),
});
export type AlertWebhook = z.output<typeof alertWebhookSchema>;

/** Alert rules, where they notify, and how often they are evaluated. */
export const alertsPolicySchema = z
  .strictObject({
    enabled: z.boolean().default(true),
    /** How often every rule is evaluated (a Temporal schedule). */
    evaluateEvery: duration.default('1m'),
    webhooks: z.array(alertWebhookSchema).default([]),
    rules: z.array(alertRuleSchema).default([]),
  })
  .superRefine((policy, context) => {
    const webhookNames = policy.webhooks.map((webhook) => webhook.name);
    policy.webhooks.forEach((webhook, index) => {
      if (webhookNames.indexOf(webhook.name) !== index) {
        context.addIssue({ code: 'custom', path: ['webhooks', index, 'name'], message: `webhook name '${webhook.name}' is used twice` });
      }
    });
    const known = webhookNames.length === 0 ? 'no webhooks are configured' : `configured webhooks: ${webhookNames.join(', ')}`;
    const ruleNames = new Set<string>();
    policy.rules.forEach((rule, index) => {
      if (ruleNames.has(rule.name)) {
        context.addIssue({ code: 'custom', path: ['rules', index, 'name'], message: `rule name '${rule.name}' is used twice; alert state is keyed by it` });
      }
      ruleNames.add(rule.name);
      rule.webhooks.forEach((webhook, webhookIndex) => {
        if (!webhookNames.includes(webhook)) {
          context.addIssue({ code: 'custom', path: ['rules', index, 'webhooks', webhookIndex], message: `rule '${rule.name}' names unknown webhook '${webhook}' (${known})` });
        }
      });
    });
  });

/** The alerts configuration with every default filled in. */
export type AlertsPolicy = z.output<typeof alertsPolicySchema>;
/** The alerts configuration as written in config. */
export type AlertsPolicyInput = z.input<typeof alertsPolicySchema>;

/** Validates an alerts block and fills the defaults; throws an error naming each bad field. */
export function parseAlertsPolicy(input: unknown): AlertsPolicy {
  const result = alertsPolicySchema.safeParse(input ?? {});
  if (!result.success) throw new Error(`Invalid alerts policy:\n${z.prettifyError(result.error)}`);
  return result.data;
}
