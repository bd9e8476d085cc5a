import type { RetrySettings } from '#libs/contracts';

/**
 * Delay before the next attempt at the same target: exponential backoff with "equal jitter"
 * (half fixed, half random, so synchronized clients spread out), never shorter than what the
 * provider asked for in Retry-After.
 */
export function retryDelayMs(attempt: number, settings: RetrySettings, retryAfterMs: number | undefined, random: () => number = Math.random): number {
  const exponential = settings.initialIntervalMs * settings.backoffCoefficient ** Math.max(0, attempt - 1);
  const capped = Math.min(exponential, settings.maximumIntervalMs);
  const jittered = capped / 2 + (random() * capped) / 2;
  return Math.round(Math.max(jittered, retryAfterMs ?? 0));
}
