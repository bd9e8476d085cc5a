import type { ChatMessage, OversizedInputVerdict, RouteTarget } from '#libs/contracts';
import { createTokenCounter, REPLY_PRIMING_TOKENS, resolveSectionBudgets, type ContextBudgetPolicy } from '#libs/context';

/**
 * The tokens that can never be cut (leading system instructions and the current message), and
 * whether the current message is above the route's limit: `maxQueryTokens` when the policy sets
 * it, else the query budget of the route's largest window (a message one target can take whole
 * is not oversized). Counted with the first target's tokenizer.
 */
export async function oversizedInputVerdict(
  messages: readonly ChatMessage[],
  targets: readonly RouteTarget[],
  policy: ContextBudgetPolicy,
): Promise<{ verdict: OversizedInputVerdict | undefined; requiredTokens: number } | undefined> {
  const query = [...messages].reverse().find((message) => message.role === 'user');
  const first = targets[0];
  if (query === undefined || first === undefined) return undefined;
  const counter = await createTokenCounter(first.model);
  const queryTokens = counter.countMessage(query) + REPLY_PRIMING_TOKENS;
  let systemTokens = 0;
  for (const message of messages) {
    if (message.role !== 'system') break;
    systemTokens += counter.countMessage(message);
  }
  const largestWindow = Math.max(...targets.map((target) => target.contextWindow));
  const limit = policy.maxQueryTokens ?? resolveSectionBudgets(policy, largestWindow).query;
  return { verdict: queryTokens > limit ? { queryTokens, limit, action: policy.oversizedInput } : undefined, requiredTokens: systemTokens + queryTokens };
}
