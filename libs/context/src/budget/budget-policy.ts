import { z } from 'zod';

/** The parts of a prompt a budget is set for. */
export const CONTEXT_SECTIONS = ['system', 'documents', 'history', 'query', 'output'] as const;
export type ContextSection = (typeof CONTEXT_SECTIONS)[number];

/** A section's budget: a fixed number of tokens, or a share of the model's context window. */
export const SectionBudgetSchema = z.union([
  z.strictObject({ tokens: z.number().int().nonnegative() }),
  z.strictObject({ share: z.number().min(0).max(1) }),
]);
export type SectionBudget = z.infer<typeof SectionBudgetSchema>;

/** What to do with a user message above `maxQueryTokens` (a pasted book, a log dump). */
export const OVERSIZED_INPUT_POLICIES = ['ephemeral-document', 'summarize', 'reject'] as const;
export type OversizedInputPolicy = (typeof OVERSIZED_INPUT_POLICIES)[number];

/** Query-aware extractive compression of retrieved documents. */
export const CompressionPolicySchema = z.strictObject({
  /** Off by default: compression is lossy (about 1 needed fact in 50 on the eval set), so a route opts in. */
  enabled: z.boolean().default(false),
  /** Tokens kept over tokens retrieved, in (0, 1]: 0.5 halves the documents. */
  targetRatio: z.number().gt(0).max(1).default(0.5),
  /** Chunks shorter than this are kept whole: too little to gain, and they are often a single fact. */
  minChunkTokens: z.number().int().nonnegative().default(48),
  /** Keep each chunk's best sentence so every retrieved chunk stays citable; off, irrelevant chunks are dropped (better retention at low ratios). */
  keepEveryChunk: z.boolean().default(true),
});
export type CompressionPolicy = z.infer<typeof CompressionPolicySchema>;

/**
 * A route's context budget. Budgets decide who gives way when the window is contended: tokens a
 * section leaves unused flow to documents and history, so nothing is dropped while the window
 * has room. System instructions are never cut and the query never silently truncated; the
 * output reservation is held back from the window.
 */
export const ContextBudgetPolicySchema = z
  .strictObject({
    /** System instructions. Never cut: a larger system prompt takes from documents and history. */
    system: SectionBudgetSchema.default({ share: 0.15 }),
    /** Retrieved documents: lowest-ranked chunks are dropped first, then the last kept one trimmed. */
    documents: SectionBudgetSchema.default({ share: 0.3 }),
    /** Earlier turns: dropped oldest first, a user turn together with its replies. */
    history: SectionBudgetSchema.default({ share: 0.2 }),
    /** The current user message. Also the oversized-input threshold when `maxQueryTokens` is unset. */
    query: SectionBudgetSchema.default({ share: 0.25 }),
    /** Reserved for the answer; a request's own max output tokens replace it. */
    output: SectionBudgetSchema.default({ share: 0.1 }),
    /** What happens to a current message above the threshold; the response says which happened. */
    oversizedInput: z.enum(OVERSIZED_INPUT_POLICIES).default('ephemeral-document'),
    /** Tokens above which the current message counts as oversized; default: the query budget. */
    maxQueryTokens: z.number().int().positive().optional(),
    compression: CompressionPolicySchema.prefault({}),
    /** Summarise dropped history (an extra model call) instead of only dropping it. */
    historySummary: z.boolean().default(false),
    /** Tokens held back in the history budget for that summary. */
    historySummaryTokens: z.number().int().positive().default(256),
  })
  .refine((policy) => shareSum(policy) <= 1 + 1e-9, { message: 'section shares add up to more than 1 (the whole window)' });

/** A validated policy with every default filled in. */
export type ContextBudgetPolicy = z.infer<typeof ContextBudgetPolicySchema>;
/** A policy as written in config: every field optional. */
export type ContextBudgetPolicyInput = z.input<typeof ContextBudgetPolicySchema>;

/** The policy a route without one gets. */
export const DEFAULT_CONTEXT_BUDGET_POLICY: ContextBudgetPolicy = ContextBudgetPolicySchema.parse({});

/** Validates a route's policy (e.g. from YAML); throws naming the bad field. */
export function parseContextBudgetPolicy(input: unknown): ContextBudgetPolicy {
  const result = ContextBudgetPolicySchema.safeParse(input ?? {});
  if (!result.success) throw new Error(`Invalid context budget policy:\n${z.prettifyError(result.error)}`);
  return result.data;
}

function shareSum(policy: Record<ContextSection, SectionBudget>): number {
  return CONTEXT_SECTIONS.reduce((sum, section) => {
    const budget = policy[section];
    return sum + ('share' in budget ? budget.share : 0);
  }, 0);
}
