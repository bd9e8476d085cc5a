/** Longest response body an error keeps: enough to debug, small enough for workflow history. */
export const MAX_ERROR_BODY_CHARS = 4096;

/** A provider error body as text for `LlmError.responseBody`, cut to a history-safe size. */
export function describeResponseBody(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return text.length > MAX_ERROR_BODY_CHARS ? `${text.slice(0, MAX_ERROR_BODY_CHARS)}…` : text;
}
