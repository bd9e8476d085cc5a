/** Per-call timeout when neither the call nor the provider config sets one (matches libs/config). */
export const DEFAULT_LLM_TIMEOUT_MS = 60_000;
