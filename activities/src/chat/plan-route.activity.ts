import { ApplicationFailure } from '@temporalio/activity';
import type { PlanRouteInput, RoutePlan } from '#libs/contracts';
import { UnknownModelError, type RouteTable } from '#libs/routes';
import type { ContextPolicyLookup } from '../context/context-policies.js';
import { oversizedInputVerdict } from '../context/oversized-input-verdict.js';

/** Classifies the request, picks its chain of targets and says whether its message is oversized (a short local activity). */
export function createPlanRoute(routes: RouteTable, contextPolicies: ContextPolicyLookup) {
  return async function planRoute(input: PlanRouteInput): Promise<RoutePlan> {
    let plan: RoutePlan;
    try {
      plan = routes.plan(input);
    } catch (error) {
      if (UnknownModelError.isInstance(error)) {
        throw ApplicationFailure.create({ type: 'unknown-model', message: error.message, nonRetryable: true, details: [{ available: error.available }] });
      }
      throw error;
    }
    const sized = await oversizedInputVerdict(input.messages, plan.targets, contextPolicies(plan.route));
    if (sized === undefined) return plan;
    return { ...plan, requiredTokens: sized.requiredTokens, ...(sized.verdict ? { oversizedInput: sized.verdict } : {}) };
  };
}
