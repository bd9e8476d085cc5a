import { z } from 'zod';

const count = z.number().int().nonnegative();
const tierName = z
  .string()
  .regex(/^[a-z0-9_-]{1,40}$/, 'tier names are lower-case letters, digits, "-" and "_" (callers send them in a header)');

/** Conditions on request features; every condition given must hold for the rule to match. */
export const RoutingConditionSchema = z.strictObject({
  /** Last user message at least this many estimated tokens. */
  minLastUserTokens: count.optional(),
  /** Last user message at most this many estimated tokens. */
  maxLastUserTokens: count.optional(),
  /** Whole request (system prompt, history, documents) at least this many estimated tokens. */
  minTotalTokens: count.optional(),
  /** Last user message does (true) or does not (false) contain code. */
  hasCode: z.boolean().optional(),
  /** At least this many distinct reasoning cues ("prove", "trade-offs", "write a function" …). */
  minReasoningCues: count.optional(),
  /** At least this many mathematical cues. */
  minMathCues: count.optional(),
  /** At least this many user turns in the conversation. */
  minTurns: count.optional(),
  /** At least this many attached documents. */
  minDocuments: count.optional(),
  /** At least this many questions in the request. */
  minQuestions: count.optional(),
});

/** Conditions on request features; every condition given must hold. */
export type RoutingCondition = z.infer<typeof RoutingConditionSchema>;

/** One routing rule: when its conditions hold, the request goes to its tier. */
export const RoutingRuleSchema = z.strictObject({
  /** Shown in the route reason and the trace, so name it for what it catches. */
  name: z.string().trim().min(1),
  tier: tierName,
  when: RoutingConditionSchema,
});

/** One routing rule: when its conditions hold, the request goes to its tier. */
export type RoutingRule = z.infer<typeof RoutingRuleSchema>;

/**
 * The router's configuration. Rules are tried in order and the first match wins; a
 * caller's explicit tier hint beats every rule; no match means `defaultTier`.
 */
export const RoutingRulesSchema = z
  .strictObject({
    /** Tier for requests no rule matches. */
    defaultTier: tierName,
    /** Every tier a rule, the default or a caller's hint may name, e.g. `['simple', 'complex']`. */
    tiers: z.array(tierName).min(1),
    rules: z.array(RoutingRuleSchema),
  })
  .superRefine((config, context) => {
    const known = `configured tiers: ${config.tiers.join(', ')}`;
    config.tiers.forEach((tier, index) => {
      if (config.tiers.indexOf(tier) !== index) {
        context.addIssue({ code: 'custom', path: ['tiers', index], message: `tier '${tier}' is listed twice` });
      }
    });
    if (!config.tiers.includes(config.defaultTier)) {
      context.addIssue({
        code: 'custom',
        path: ['defaultTier'],
        message: `unknown tier '${config.defaultTier}' (${known})`,
      });
    }
    const seenNames = new Set<string>();
    config.rules.forEach((rule, index) => {
      if (!config.tiers.includes(rule.tier)) {
        context.addIssue({
          code: 'custom',
          path: ['rules', index, 'tier'],
          message: `rule '${rule.name}' names unknown tier '${rule.tier}' (${known})`,
        });
      }
      if (seenNames.has(rule.name)) {
        context.addIssue({
          code: 'custom',
          path: ['rules', index, 'name'],
          message: `rule name '${rule.name}' is used twice; reasons and traces would be ambiguous`,
        });
      }
      seenNames.add(rule.name);
      const { minLastUserTokens, maxLastUserTokens } = rule.when;
      if (minLastUserTokens !== undefined && maxLastUserTokens !== undefined && minLastUserTokens > maxLastUserTokens) {
        context.addIssue({
          code: 'custom',
          path: ['rules', index, 'when', 'maxLastUserTokens'],
          message: `rule '${rule.name}' can never match: maxLastUserTokens is below minLastUserTokens`,
        });
      }
      const catchAll = config.rules.findIndex((earlier) => Object.keys(earlier.when).length === 0);
      if (catchAll !== -1 && catchAll < index) {
        context.addIssue({
          code: 'custom',
          path: ['rules', index],
          message: `rule '${rule.name}' is unreachable: rule '${config.rules[catchAll]?.name}' before it has no conditions`,
        });
      }
    });
  });

/** The router's configuration, validated. */
export type RoutingRules = z.infer<typeof RoutingRulesSchema>;

/**
 * Validates routing config (from YAML, JSON or code). Throws an error whose message names
 * each bad field, e.g. `rules[2].tier`.
 */
export function parseRoutingRules(input: unknown): RoutingRules {
  const result = RoutingRulesSchema.safeParse(input);
  if (!result.success) throw new Error(`Invalid routing rules:\n${z.prettifyError(result.error)}`);
  return result.data;
}
