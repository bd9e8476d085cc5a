/**
 * A connection failure's message with its underlying cause. The SDKs say only
 * "Connection error."; undici's cause chain names the refused port or failed DNS lookup.
 */
export function describeConnectionError(error: Error): string {
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const detail = cause?.cause instanceof Error ? cause.cause.message : cause?.message;
  return detail === undefined || detail === '' ? error.message : `${error.message} (${detail})`;
}
