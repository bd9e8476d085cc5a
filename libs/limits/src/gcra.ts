import type { RateLimitDecision, RateLimitRequest, RateLimitRule, RuleState } from './rate-limit-types.js';

/**
 * Rounding slack in milliseconds: emission intervals such as 60,000 / 7 are not exact in
 * binary, and the 7th request of a 7-per-minute limit must not be refused by a rounding error.
 */
const EPSILON_MS = 1e-6;

/** A rule's theoretical arrival time (TAT) after an admitted request. */
export interface GcraUpdate {
  readonly name: string;
  readonly tatMs: number;
}

/** A decision and, when admitted, the TATs to store. */
export interface GcraOutcome {
  readonly decision: RateLimitDecision;
  readonly updates: readonly GcraUpdate[];
}

/**
 * The generic cell rate algorithm over several rules at once. Each rule keeps one number, its
 * theoretical arrival time: the instant the bucket would be full again. A request of `amount`
 * moves it `amount × period / limit` ahead of max(TAT, now); it is admitted if the TAT stays
 * within one period of now (plus `maxDelayMs` when the caller will wait for a booked slot).
 * Equivalent to a token bucket of `limit` refilling continuously, with one number of state per
 * rule, so it stores cheaply in memory or in a SQL row. Pure: the stores supply `tats` and
 * `nowMs` and save `updates`.
 */
export function evaluateGcra(request: RateLimitRequest, tats: ReadonlyMap<string, number>, nowMs: number): GcraOutcome {
  const maxDelayMs = Math.max(0, request.maxDelayMs ?? 0);
  const evaluated = request.rules.map((rule) => evaluateRule(rule, tats.get(rule.name), nowMs));
  const exceedsLimit = evaluated.some((rule) => rule.exceedsLimit);
  const delayMs = Math.max(0, ...evaluated.map((rule) => rule.delayMs));
  const allowed = !exceedsLimit && delayMs <= maxDelayMs + EPSILON_MS;

  const states: RuleState[] = evaluated.map((rule) => (allowed ? rule.after : rule.before));
  const decision: RateLimitDecision = {
    allowed,
    delayMs: allowed ? wholeMs(delayMs) : 0,
    retryAfterMs: allowed ? 0 : exceedsLimit ? Math.max(...request.rules.map((rule) => rule.periodMs)) : wholeMs(delayMs),
    exceedsLimit,
    ...summary(states, evaluated, allowed),
    rules: states,
  };
  return { decision, updates: allowed ? evaluated.map((rule) => ({ name: rule.name, tatMs: rule.newTatMs })) : [] };
}

/** Whole milliseconds, rounded up but forgiving rounding noise, never negative (nor -0). */
function wholeMs(milliseconds: number): number {
  return Math.max(0, Math.ceil(milliseconds - EPSILON_MS));
}

interface EvaluatedRule {
  readonly name: string;
  readonly exceedsLimit: boolean;
  readonly delayMs: number;
  readonly newTatMs: number;
  readonly before: RuleState;
  readonly after: RuleState;
}

function evaluateRule(rule: RateLimitRule, tatMs: number | undefined, nowMs: number): EvaluatedRule {
  if (!(rule.limit > 0) || !(rule.periodMs > 0) || !(rule.amount >= 0)) {
    throw new RangeError(`rate-limit rule ${rule.name} needs limit > 0, periodMs > 0 and amount ≥ 0`);
  }
  const intervalMs = rule.periodMs / rule.limit;
  const startMs = Math.max(tatMs ?? nowMs, nowMs);
  const newTatMs = startMs + rule.amount * intervalMs;
  const state = (fullAtMs: number): RuleState => ({
    name: rule.name,
    limit: rule.limit,
    remaining: Math.max(0, Math.floor((rule.periodMs - (fullAtMs - nowMs)) / intervalMs + EPSILON_MS)),
    resetMs: wholeMs(fullAtMs - nowMs),
  });
  return {
    name: rule.name,
    exceedsLimit: rule.amount > rule.limit,
    delayMs: Math.max(0, newTatMs - rule.periodMs - nowMs),
    newTatMs,
    before: state(startMs),
    after: state(newTatMs),
  };
}

/** The most constraining rule: a refusing one with the longest wait, else the least remaining share. */
function summary(states: readonly RuleState[], evaluated: readonly EvaluatedRule[], allowed: boolean): Pick<RateLimitDecision, 'limit' | 'remaining' | 'resetMs'> {
  let chosen: RuleState | undefined;
  let chosenScore = Number.NEGATIVE_INFINITY;
  states.forEach((state, index) => {
    const rule = evaluated[index];
    const score = !allowed && rule !== undefined ? rule.delayMs + (rule.exceedsLimit ? Number.MAX_SAFE_INTEGER : 0) : 1 - state.remaining / state.limit;
    if (score > chosenScore) {
      chosen = state;
      chosenScore = score;
    }
  });
  return chosen === undefined ? { limit: 0, remaining: 0, resetMs: 0 } : { limit: chosen.limit, remaining: chosen.remaining, resetMs: chosen.resetMs };
}
