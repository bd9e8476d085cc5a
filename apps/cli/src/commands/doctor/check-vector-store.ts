import { join } from 'node:path';
import { checkWritableDirectory } from './check-writable-directory.js';
import type { DoctorCheck } from './doctor-check.js';
import { probe } from './http-probe.js';

/** The vector store: the embedded LanceDB directory is writable, or Qdrant answers with the configured key. */
export const checkVectorStore: DoctorCheck = async ({ config, timeoutMs, fetch }) => {
  const { vectorStore } = config.storage;
  if (vectorStore.kind === 'lancedb') {
    const directory = vectorStore.directory ?? join(config.dataDir, 'vectors');
    const result = await checkWritableDirectory('vector store', directory, 'point BALLAST_VECTOR_DIR (storage.vectorStore.directory) at a writable directory');
    return [{ ...result, detail: `LanceDB: ${result.detail}` }];
  }
  const name = 'vector store';
  if (!vectorStore.url) return [{ name, status: 'fail', detail: 'Qdrant is selected but no URL is set', fix: 'set QDRANT_URL (storage.vectorStore.url)' }];
  const base = vectorStore.url.replace(/\/$/, '');
  const outcome = await probe(fetch, `${base}/collections`, vectorStore.apiKey ? { 'api-key': vectorStore.apiKey } : {}, timeoutMs);
  if (outcome.kind === 'unreachable') {
    return [{ name, status: 'fail', detail: `cannot reach Qdrant at ${base}: ${outcome.reason}`, fix: 'start Qdrant (docker compose up qdrant) or fix QDRANT_URL' }];
  }
  if (outcome.status === 401 || outcome.status === 403) {
    return [{ name, status: 'fail', detail: `Qdrant at ${base} refused the API key (HTTP ${outcome.status})`, fix: 'set QDRANT_API_KEY (storage.vectorStore.apiKey) to the key Qdrant is configured with' }];
  }
  if (outcome.status >= 400) {
    return [{ name, status: 'fail', detail: `Qdrant at ${base} answered HTTP ${outcome.status}: ${outcome.body}`, fix: 'check that QDRANT_URL points at Qdrant’s REST port (6333)' }];
  }
  return [{ name, status: 'pass', detail: `Qdrant at ${base} answers` }];
};
