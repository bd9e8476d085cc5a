import type { ContextTooLarge } from './context-report.js';

/**
 * The first target (in route order) whose context window holds `needed` tokens, to fall back to
 * when the planned one is too small; undefined when none does and the request is a 413. Counts
 * come from the planned target's counter, so plan again with the chosen target's own.
 */
export function firstTargetThatFits<Target extends { readonly contextWindow: number }>(targets: readonly Target[], needed: number): Target | undefined {
  return targets.find((target) => target.contextWindow >= needed);
}

/** A 413 detail naming the numbers: "system 1,200 + query 140,000 + reserved output 4,096 = 145,296 tokens; the largest window is 128,000." */
export function describeContextTooLarge(plan: ContextTooLarge, largestWindow: number = plan.window): string {
  const format = (value: number): string => value.toLocaleString('en-US');
  return (
    `system ${format(plan.systemTokens)} + query ${format(plan.queryTokens)} + reserved output ${format(plan.outputTokens)} = ` +
    `${format(plan.needed)} tokens; the largest window is ${format(largestWindow)}.`
  );
}
