import type { RequestFeatures } from './request-features.js';
import type { RoutingCondition, RoutingRules } from './routing-rules.js';

/** Which tier a request goes to, and why, in words an operator reads in a trace. */
export interface RoutingDecision {
  readonly tier: string;
  /** E.g. `rule 'code' matched: hasCode` or `no rule matched: default tier 'simple'`. */
  readonly reason: string;
  /** Name of the rule that decided; absent for hints and the default. */
  readonly matchedRule?: string;
}

type NumericFeature = 'lastUserTokens' | 'totalTokens' | 'reasoningCues' | 'mathCues' | 'turnCount' | 'documentCount' | 'questionCount';

// How each condition reads a feature. Adding a condition means one line here and one field
// in RoutingConditionSchema.
const BOUNDS: ReadonlyArray<{ condition: keyof RoutingCondition; feature: NumericFeature; bound: 'min' | 'max' }> = [
  { condition: 'minLastUserTokens', feature: 'lastUserTokens', bound: 'min' },
  { condition: 'maxLastUserTokens', feature: 'lastUserTokens', bound: 'max' },
  { condition: 'minTotalTokens', feature: 'totalTokens', bound: 'min' },
  { condition: 'minReasoningCues', feature: 'reasoningCues', bound: 'min' },
  { condition: 'minMathCues', feature: 'mathCues', bound: 'min' },
  { condition: 'minTurns', feature: 'turnCount', bound: 'min' },
  { condition: 'minDocuments', feature: 'documentCount', bound: 'min' },
  { condition: 'minQuestions', feature: 'questionCount', bound: 'min' },
];

/**
 * Picks a tier: a caller's explicit hint naming a configured tier wins, then the first rule
 * whose conditions all hold, then the default tier. `rules` must come from
 * `parseRoutingRules` (or the schema), which guarantees every tier it names exists.
 */
export function classifyRequest(features: RequestFeatures, rules: RoutingRules): RoutingDecision {
  const hint = features.explicitHint;
  if (hint !== undefined && rules.tiers.includes(hint)) {
    return { tier: hint, reason: `explicit hint: tier '${hint}' requested by the caller` };
  }
  // An unknown hint is reported, not fatal: the request still deserves an answer.
  const hintNote = hint === undefined ? '' : `; ignored hint '${hint}' (not a configured tier)`;

  for (const rule of rules.rules) {
    const evidence = matchRule(features, rule.when);
    if (evidence !== undefined) {
      const why = evidence.length === 0 ? 'no conditions' : evidence.join(', ');
      return { tier: rule.tier, reason: `rule '${rule.name}' matched: ${why}${hintNote}`, matchedRule: rule.name };
    }
  }
  return { tier: rules.defaultTier, reason: `no rule matched: default tier '${rules.defaultTier}'${hintNote}` };
}

/** The conditions that held, in words, or undefined when one did not. */
function matchRule(features: RequestFeatures, when: RoutingCondition): string[] | undefined {
  const evidence: string[] = [];
  if (when.hasCode !== undefined) {
    if (features.hasCode !== when.hasCode) return undefined;
    evidence.push(when.hasCode ? 'hasCode' : 'no code');
  }
  for (const { condition, feature, bound } of BOUNDS) {
    const limit = when[condition];
    if (typeof limit !== 'number') continue;
    const value = features[feature];
    const holds = bound === 'min' ? value >= limit : value <= limit;
    if (!holds) return undefined;
    evidence.push(`${feature} ${value} ${bound === 'min' ? '>=' : '<='} ${limit}`);
  }
  return evidence;
}
