import { z } from 'zod';

/**
 * The golden-query suite file (YAML). `strict` objects reject unknown keys naming the valid ones;
 * `loadSuite` turns the issues into `queries[3].assert[1].threshold: must be a number` lines.
 */

/** `z.strictObject` whose unknown-key issue lists the valid keys (the loader adds which key). */
function strict<Shape extends z.ZodRawShape>(shape: Shape) {
  const valid = Object.keys(shape).join(', ');
  return z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? `valid keys: ${valid}` : undefined) });
}

const text = z.string().trim().min(1, 'must not be empty');

/** A string or a list of strings, always read as a list. */
const facts = z.preprocess(
  (value) => (typeof value === 'string' ? [value] : value),
  z.array(text, { error: (issue) => (issue.code === 'invalid_type' ? 'must be a string or a list of strings' : undefined) }).min(1, 'must list at least one value'),
);

/** Every assertion may say `required: false`: then being skipped (no grader, no groundedness) does not keep its query from passing. */
const base = { required: z.boolean().optional() };

export const ASSERTION_TYPES = ['contains-all', 'contains-any', 'not-contains', 'regex', 'refusal', 'groundedness', 'citations', 'latency', 'cost', 'llm-rubric'] as const;
export type AssertionType = (typeof ASSERTION_TYPES)[number];

const REGEX_FLAGS = /^(?!.*(.).*\1)[imsu]*$/;

const regexAssertion = strict({
  type: z.literal('regex'),
  value: text,
  flags: z.string().regex(REGEX_FLAGS, 'must be distinct letters among i, m, s, u').optional(),
  ...base,
}).superRefine((assertion, context) => {
  try {
    new RegExp(assertion.value, assertion.flags);
  } catch (error) {
    context.addIssue({ code: 'custom', path: ['value'], message: `is not a valid regular expression: ${(error as Error).message}` });
  }
});

const assertionOptions = [
  strict({ type: z.literal('contains-all'), value: facts, ...base }),
  strict({ type: z.literal('contains-any'), value: facts, ...base }),
  strict({ type: z.literal('not-contains'), value: facts, ...base }),
  regexAssertion,
  strict({ type: z.literal('refusal'), ...base }),
  strict({ type: z.literal('groundedness'), threshold: z.number().min(0).max(1), ...base }),
  strict({ type: z.literal('citations'), min: z.number().int().min(0).optional(), ...base }),
  strict({ type: z.literal('latency'), threshold: z.number().positive(), ...base }),
  strict({ type: z.literal('cost'), threshold: z.number().min(0), ...base }),
  strict({ type: z.literal('llm-rubric'), value: text, ...base }),
] as const;

export const AssertionSchema = z.discriminatedUnion('type', assertionOptions, {
  error: (issue) => {
    if (issue.code !== 'invalid_union') return undefined;
    const type = (issue.input as { type?: unknown } | undefined)?.type;
    const valid = `valid types: ${ASSERTION_TYPES.join(', ')}`;
    return type === undefined ? `is required; ${valid}` : `unknown assertion type ${JSON.stringify(type)}; ${valid}`;
  },
});
export type Assertion = z.infer<typeof AssertionSchema>;
export type AssertionOf<Type extends AssertionType> = Extract<Assertion, { type: Type }>;

export const MessageSchema = strict({ role: z.enum(['system', 'user', 'assistant']), content: text });
export type EvalMessage = z.infer<typeof MessageSchema>;

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const QueryFileSchema = strict({
  id: z.string().regex(KEBAB_CASE, 'must be kebab-case (a-z, 0-9 and single dashes)'),
  tags: z.array(text).default([]),
  question: text.optional(),
  messages: z.array(MessageSchema).min(1, 'must have at least one message').optional(),
  model: text.optional(),
  collections: z.array(text).optional(),
  assert: z.array(AssertionSchema).default([]),
}).superRefine((query, context) => {
  if ((query.question === undefined) === (query.messages === undefined)) {
    context.addIssue({ code: 'custom', path: [], message: 'needs exactly one of `question` or `messages`' });
  }
  const last = query.messages?.at(-1);
  if (last !== undefined && last.role !== 'user') {
    context.addIssue({ code: 'custom', path: ['messages', (query.messages?.length ?? 1) - 1, 'role'], message: 'the last message must be from the user' });
  }
});

export const DefaultsSchema = strict({
  model: text.optional(),
  collections: z.array(text).optional(),
  assert: z.array(AssertionSchema).default([]),
});

export const CorpusSchema = strict({ collection: text, paths: z.array(text).min(1, 'must list at least one path') });
export type EvalCorpus = z.infer<typeof CorpusSchema>;

export const DEFAULT_THRESHOLDS = { passRate: 0.8, maxRegression: 0.05 } as const;

export const ThresholdsSchema = strict({
  passRate: z.number().min(0).max(1).default(DEFAULT_THRESHOLDS.passRate),
  maxRegression: z.number().min(0).max(1).default(DEFAULT_THRESHOLDS.maxRegression),
});
export type EvalThresholds = z.infer<typeof ThresholdsSchema>;

export const SuiteFileSchema = strict({
  suite: text,
  description: z.string().optional(),
  defaults: DefaultsSchema.default({ assert: [] }),
  corpus: CorpusSchema.optional(),
  thresholds: ThresholdsSchema.default({ ...DEFAULT_THRESHOLDS }),
  queries: z.array(QueryFileSchema).min(1, 'must have at least one query'),
});
export type SuiteFile = z.infer<typeof SuiteFileSchema>;
export type QueryFile = z.infer<typeof QueryFileSchema>;

/** One query ready to run: defaults applied, the conversation spelled out. */
export interface EvalQuery {
  id: string;
  tags: string[];
  /** The last user message: what the answer is graded against. */
  question: string;
  /** The conversation to send; `[{ role: 'user', content: question }]` for a single question. */
  messages: EvalMessage[];
  /** Model or route name; undefined = the gateway's default. */
  model?: string;
  /** Collections to retrieve from; `[]` = no retrieval, undefined = the gateway's default. */
  collections?: string[];
  /** The query's assertions, then the suite defaults (see `resolveQuery`). */
  assert: Assertion[];
}

export interface EvalSuite {
  suite: string;
  description?: string;
  /** Where the suite was read from, when the loader was told. */
  path?: string;
  corpus?: EvalCorpus;
  thresholds: EvalThresholds;
  defaults: SuiteFile['defaults'];
  queries: EvalQuery[];
}
