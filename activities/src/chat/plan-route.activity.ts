import { ApplicationFailure } from '@temporalio/activity';
import type { PlanRouteInput, RoutePlan } from '#libs/contracts';
import { UnknownModelError, type RouteTable } from '#libs/routes';

/** Classifies the request and picks its chain of targets (a short local activity). */
export function createPlanRoute(routes: RouteTable) {
  return async function planRoute(input: PlanRouteInput): Promise<RoutePlan> {
    try {
      return routes.plan(input);
    } catch (error) {
      if (UnknownModelError.isInstance(error)) {
        throw ApplicationFailure.create({ type: 'unknown-model', message: error.message, nonRetryable: true, details: [{ available: error.available }] });
      }
      throw error;
    }
  };
}
