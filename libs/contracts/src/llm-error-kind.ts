/**
 * The one error taxonomy for provider failures. Adapters map wire errors to a kind;
 * the workflow decides retry and fallback from the kind alone, so the policy lives here
 * (pure data, safe to import from workflow code).
 */
export const LLM_ERROR_KINDS = [
  'rate-limited',
  'overloaded',
  'server-error',
  'timeout',
  'connection',
  'malformed-response',
  'context-length-exceeded',
  'content-filtered',
  'auth',
  'bad-request',
  'not-found',
  'circuit-open',
] as const;

export type LlmErrorKind = (typeof LLM_ERROR_KINDS)[number];

/** What a kind means for the route: retry the same target, move to the next, or stop. */
export interface LlmErrorPolicy {
  /** Another attempt at the same target may succeed. */
  readonly retryable: boolean;
  /** The next target in the chain may succeed where this one failed. */
  readonly fallback: boolean;
  /** Only targets with a larger context window are worth trying. */
  readonly needsLargerWindow: boolean;
  /** The caller's request is at fault: answer 4xx, do not try anything else. */
  readonly callerError: boolean;
}

const policy = (retryable: boolean, fallback: boolean, extra: Partial<LlmErrorPolicy> = {}): LlmErrorPolicy => ({
  retryable,
  fallback,
  needsLargerWindow: false,
  callerError: false,
  ...extra,
});

export const LLM_ERROR_POLICIES: Readonly<Record<LlmErrorKind, LlmErrorPolicy>> = {
  'rate-limited': policy(true, true),
  overloaded: policy(true, true),
  'server-error': policy(true, true),
  timeout: policy(true, true),
  connection: policy(true, true),
  'malformed-response': policy(true, true),
  'context-length-exceeded': policy(false, true, { needsLargerWindow: true }),
  'content-filtered': policy(false, false, { callerError: true }),
  // A provider rejecting our credentials is an operator problem; another provider may work.
  auth: policy(false, false, { callerError: true }),
  'bad-request': policy(false, false, { callerError: true }),
  // A retired or unknown model at one provider says nothing about the next target.
  'not-found': policy(false, true),
  'circuit-open': policy(false, true),
};

export function isLlmErrorKind(value: unknown): value is LlmErrorKind {
  return typeof value === 'string' && (LLM_ERROR_KINDS as readonly string[]).includes(value);
}

/** Kinds Temporal must not retry: everything that is not retryable. */
export const NON_RETRYABLE_LLM_ERROR_KINDS: readonly LlmErrorKind[] = LLM_ERROR_KINDS.filter(
  (kind) => !LLM_ERROR_POLICIES[kind].retryable,
);
