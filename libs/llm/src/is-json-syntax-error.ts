/**
 * True for the error `response.json()` throws on a body that is not JSON. Checked by name,
 * not instanceof: fetch's SyntaxError comes from Node's own realm, which differs from the
 * caller's under vm contexts (Jest) and worker sandboxes.
 */
export function isJsonSyntaxError(error: unknown): error is Error {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'SyntaxError';
}
