export { classifyRequest, type RoutingDecision } from './classify-request.js';
export { DEFAULT_ROUTING_RULES } from './default-routing-rules.js';
export {
  evaluateRouter,
  type CostComparison,
  type MisrouteRow,
  type RouterEvaluation,
  type RouterPricing,
  type SplitEvaluation,
} from './evaluate-router.js';
export { LabelledQuerySchema, parseLabelledQueries, type LabelledQuery } from './labelled-query.js';
export { extractRequestFeatures, type ExtractRequestFeaturesOptions, type RequestFeatures } from './request-features.js';
export { CODE_ARTIFACTS, MATH_CUES, REASONING_CUES } from './routing-cues.js';
export {
  parseRoutingRules,
  RoutingConditionSchema,
  RoutingRuleSchema,
  RoutingRulesSchema,
  type RoutingCondition,
  type RoutingRule,
  type RoutingRules,
} from './routing-rules.js';
