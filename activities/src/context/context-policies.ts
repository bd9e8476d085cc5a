import { DEFAULT_CONTEXT_BUDGET_POLICY, type ContextBudgetPolicy } from '#libs/context';

/** The context budget policy of a route (the default policy for models named directly). */
export type ContextPolicyLookup = (route: string | undefined) => ContextBudgetPolicy;

/** A lookup over configured routes' `context:` sections. */
export function contextPoliciesFrom(routes: Readonly<Record<string, { readonly context?: ContextBudgetPolicy | undefined }>>): ContextPolicyLookup {
  return (route) => (route === undefined ? undefined : routes[route]?.context) ?? DEFAULT_CONTEXT_BUDGET_POLICY;
}
