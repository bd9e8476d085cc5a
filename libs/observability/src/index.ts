// Redaction: what traces and logs keep of prompts, answers and errors.
export { createRedactor, type RedactionFindings, type RedactionResult, type Redactor } from './redaction/redactor.js';
export {
  BUILT_IN_DETECTOR_NAMES,
  CONTENT_MODES,
  DEFAULT_PII_KINDS,
  PII_KINDS,
  parseRedactionPolicy,
  redactionPatternSchema,
  redactionPolicySchema,
  type ContentMode,
  type PiiKind,
  type RedactionPattern,
  type RedactionPolicy,
  type RedactionPolicyInput,
} from './redaction/redaction-policy.js';
export { applyContentMode, hashContent, type StoredContent } from './redaction/content-mode.js';
export { redactDeep, type RedactedValue } from './redaction/redact-deep.js';

// Alerts: rules, their pure evaluation, state transitions and webhook payloads.
export {
  ALERT_SEVERITIES,
  alertRuleSchema,
  alertsPolicySchema,
  alertWebhookSchema,
  budgetSoftLimitRuleSchema,
  costAnomalyRuleSchema,
  errorRateRuleSchema,
  hallucinationRuleSchema,
  latencyRuleSchema,
  parseAlertsPolicy,
  type AlertRule,
  type AlertRuleKind,
  type AlertSeverity,
  type AlertsPolicy,
  type AlertsPolicyInput,
  type AlertWebhook,
  type BudgetSoftLimitRule,
  type CostAnomalyRule,
  type ErrorRateRule,
  type HallucinationRule,
  type LatencyRule,
} from './alerts/alerts-policy.js';
export type {
  AlertStats,
  AlertStatsFor,
  BudgetCapUsage,
  BudgetSoftLimitStats,
  CostAnomalyStats,
  ErrorRateStats,
  HallucinationStats,
  LatencySample,
  LatencyStats,
  TenantSpend,
} from './alerts/alert-stats.js';
export { alertKey, WHOLE_SCOPE, type AlertEvaluation, type AlertStatus, type AlertUnit } from './alerts/alert-evaluation.js';
export { alertQueryWindows, type AlertQueryWindows, type TimeRange, type WindowedAlertRule } from './alerts/alert-windows.js';
export { evaluateAlertRule } from './alerts/evaluate-alert-rule.js';
export {
  nextAlertState,
  type AlertNotification,
  type AlertNotificationKind,
  type AlertRuleNotifying,
  type AlertState,
  type AlertTransition,
} from './alerts/alert-state.js';
export { formatFigure, toWebhookPayload, type AlertWebhookPayload, type SlackBlock, type SlackButton, type SlackText } from './alerts/webhook-payload.js';

// Shared helpers.
export { durationMs, durationSchema, formatElapsed, InvalidDurationError, tryDurationMs } from './time/duration.js';
export { percentile } from './stats/percentile.js';
export { formatCount, formatFactor, formatMs, formatPercent, formatScore, formatUnitCost, formatUsd } from './format/figures.js';

// Weekly review: the week's weakest route and prompt groups, as data and Markdown.
export { buildWeeklyReview, DEFAULT_REVIEW_MIN_REQUESTS } from './review/build-weekly-review.js';
export type {
  CostFigures,
  FallbackFigures,
  GroundednessFigures,
  LatencyFigures,
  PromptTemplateRef,
  ReviewEntry,
  ReviewRow,
  WeeklyReview,
  WeeklyReviewInput,
  WeeklyReviewOmissions,
  WeeklyReviewSections,
  WeeklyReviewTotals,
} from './review/weekly-review-types.js';
