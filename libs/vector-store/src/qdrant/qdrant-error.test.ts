import { QdrantClientTimeoutError, QdrantClientUnexpectedResponseError } from '@qdrant/js-client-rest';
import { convertQdrantError } from './qdrant-error.js';

describe('convertQdrantError', () => {
  test('a 400 carries its status and is not retryable', () => {
    const error = convertQdrantError('upsert', 'space', new QdrantClientUnexpectedResponseError('Unexpected Response: 400 (Bad Request)\nRaw response content: {}'));
    expect(error).toMatchObject({ kind: 'backend', store: 'qdrant', space: 'space', status: 400, isRetryable: false });
    expect(error.message).toContain('Qdrant upsert on space "space" failed: Unexpected Response: 400');
  });

  test('503, 429, timeouts and connection failures are retryable', () => {
    expect(convertQdrantError('search', 's', new QdrantClientUnexpectedResponseError('Unexpected Response: 503 (Service Unavailable)'))).toMatchObject({
      status: 503,
      isRetryable: true,
    });
    expect(convertQdrantError('search', 's', new QdrantClientUnexpectedResponseError('Unexpected Response: 429 (Too Many Requests)')).isRetryable).toBe(true);
    expect(convertQdrantError('search', 's', new QdrantClientTimeoutError('timed out')).isRetryable).toBe(true);
    expect(convertQdrantError('search', 's', new TypeError('fetch failed'))).toMatchObject({ status: undefined, isRetryable: true });
  });
});
