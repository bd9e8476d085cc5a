import type { TargetAttempt } from '#libs/contracts';
import type { CircuitBreakerRegistry } from '#libs/llm';
import type { ModelCatalog } from '#libs/models';
import type { RouteTable } from '#libs/routes';
import { createCallModel } from './chat/call-model.activity.js';
import type { ModelRegistry } from './chat/model-registry.js';
import { createPlanRoute } from './chat/plan-route.activity.js';

/** Everything activities touch, injected so tests and workers build them the same way. */
export interface ActivityDependencies {
  readonly routes: RouteTable;
  readonly models: ModelRegistry;
  readonly catalog: ModelCatalog;
  readonly breakers: CircuitBreakerRegistry;
  readonly recordAttempt: (workflowId: string, attempt: TargetAttempt) => Promise<void>;
  readonly simulatedProviders: ReadonlySet<string>;
}

export function createActivities(dependencies: ActivityDependencies) {
  return {
    planRoute: createPlanRoute(dependencies.routes),
    callModel: createCallModel(dependencies),
  };
}

/** The activity interface workflows proxy (imported as a type only). */
export type ChatActivities = ReturnType<typeof createActivities>;
