export { createActivities, type ActivityDependencies, type ChatActivities } from './create-activities.js';
export { ModelRegistry, type RegistryProvider } from './chat/model-registry.js';
export { retryDelayMs } from './chat/retry-delay.js';
export { contextPoliciesFrom, type ContextPolicyLookup } from './context/context-policies.js';
export { createObservabilityActivities, type ObservabilityActivities } from './observability/create-observability-activities.js';
export type { ObservabilityDependencies } from './observability/observability-dependencies.js';
export type { AnswerCheck, ValidateAnswerInput } from './validation/validate-answer.activity.js';
