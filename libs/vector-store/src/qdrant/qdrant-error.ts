import { VectorStoreError } from '../vector-store-error.js';

/** Statuses a later attempt can succeed on (as in the LLM adapters). */
function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * A failure of a Qdrant client call as a `backend` VectorStoreError carrying the HTTP status
 * (parsed from the client's "Unexpected Response: 404 (Not Found)" message) and whether a retry
 * can help: timeouts, connection failures, 408/409/429 and 5xx can; other 4xx cannot.
 */
export function convertQdrantError(operation: string, space: string | undefined, error: unknown): VectorStoreError {
  if (VectorStoreError.isInstance(error)) return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  const statusMatch = /Unexpected Response: (\d{3})/.exec(message);
  const status = statusMatch ? Number(statusMatch[1]) : name === 'QdrantClientResourceExhaustedError' ? 429 : undefined;
  const isRetryable = status === undefined ? true : isRetryableStatus(status);
  const where = space === undefined ? '' : ` on space "${space}"`;
  return new VectorStoreError(`Qdrant ${operation}${where} failed: ${message.split('\n').join(' ')}`, {
    kind: 'backend',
    store: 'qdrant',
    space,
    status,
    isRetryable,
    cause: error,
  });
}
