/** Header values a provider may send to say when to try again. */
export interface RetryAfterHeaders {
  get(name: string): string | null;
}

/**
 * The delay a provider asked for, in milliseconds, or undefined when it did not say.
 *
 * `retry-after-ms` (OpenAI, Anthropic) wins over `retry-after` because it is more precise;
 * `retry-after` may be seconds or an HTTP date (RFC 9110 §10.2.3). A date in the past
 * means "now", so it yields 0 rather than a negative delay.
 */
export function parseRetryAfterMs(headers: RetryAfterHeaders | undefined, now: () => number = Date.now): number | undefined {
  if (headers === undefined) return undefined;

  const milliseconds = parseNonNegativeNumber(headers.get('retry-after-ms'));
  if (milliseconds !== undefined) return Math.round(milliseconds);

  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter === undefined || retryAfter === '') return undefined;

  const seconds = parseNonNegativeNumber(retryAfter);
  if (seconds !== undefined) return Math.round(seconds * 1000);

  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now());
}

function parseNonNegativeNumber(value: string | null): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  // Number('') is 0 and Number('1e3') is 1000: accept plain decimals only.
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return undefined;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : undefined;
}
