import { BATCH_EXPIRY_MS, unixSeconds } from './batch-lines.js';
import type { StoredFile } from './batch-store.js';
import { newId, type Exchange } from './exchange.js';
import { parseMultipartForm } from './multipart-form.js';
import { sendProviderError } from './provider-errors.js';
import { readRawBody } from './request-body.js';
import type { SimulatorState } from './simulator-state.js';

const PURPOSES = new Set(['assistants', 'batch', 'fine-tune', 'vision', 'user_data', 'evals']);

/** OpenAI's FileObject. */
export function renderFile(file: StoredFile): Record<string, unknown> {
  const expires = file.purpose === 'batch' || file.purpose === 'batch_output';
  return {
    id: file.id,
    object: 'file',
    bytes: file.content.length,
    created_at: unixSeconds(file.createdAt),
    ...(expires ? { expires_at: unixSeconds(file.createdAt + 30 * BATCH_EXPIRY_MS) } : {}),
    filename: file.filename,
    purpose: file.purpose,
    status: 'processed',
    status_details: null,
  };
}

/** Stores a file the simulator wrote itself (batch output and error files). */
export function storeGeneratedFile(state: SimulatorState, file: { filename: string; purpose: string; content: string; createdAt: number }): StoredFile {
  const stored: StoredFile = { id: newId('file-'), filename: file.filename, purpose: file.purpose, createdAt: file.createdAt, content: Buffer.from(file.content, 'utf8') };
  state.batches.files.set(stored.id, stored);
  return stored;
}

function sendFileNotFound(exchange: Exchange, fileId: string): void {
  sendProviderError(exchange, { status: 404, message: `No such File object: ${fileId}`, code: null, param: 'id' });
}

/** `POST /v1/files`: multipart/form-data with `file` and `purpose`, as `client.files.create` sends it. */
export async function handleCreateFile(state: SimulatorState, exchange: Exchange): Promise<void> {
  const parts = parseMultipartForm(await readRawBody(exchange.request), exchange.request.headers['content-type']);
  const filePart = parts.find((part) => part.name === 'file');
  const purpose = parts.find((part) => part.name === 'purpose')?.data.toString('utf8');
  if (!filePart) {
    sendProviderError(exchange, { status: 400, message: "Missing required parameter: 'file'.", code: null, param: 'file' });
    return;
  }
  if (purpose === undefined || !PURPOSES.has(purpose)) {
    const message = purpose === undefined ? "Missing required parameter: 'purpose'." : `Invalid value for 'purpose': '${purpose}'.`;
    sendProviderError(exchange, { status: 400, message, code: null, param: 'purpose' });
    return;
  }
  const file: StoredFile = {
    id: newId('file-'),
    filename: filePart.filename ?? 'upload',
    purpose,
    createdAt: state.now(),
    content: Buffer.from(filePart.data),
  };
  state.batches.files.set(file.id, file);
  exchange.sendJson(200, renderFile(file));
}

/** `GET /v1/files/:id`. */
export function handleRetrieveFile(state: SimulatorState, exchange: Exchange, fileId: string): void {
  const file = state.batches.files.get(fileId);
  if (!file) sendFileNotFound(exchange, fileId);
  else exchange.sendJson(200, renderFile(file));
}

/** `GET /v1/files/:id/content`: the bytes as uploaded or generated. */
export function handleFileContent(state: SimulatorState, exchange: Exchange, fileId: string): void {
  const file = state.batches.files.get(fileId);
  if (!file) sendFileNotFound(exchange, fileId);
  else exchange.sendText(200, 'application/octet-stream', file.content);
}

/** `DELETE /v1/files/:id`. */
export function handleDeleteFile(state: SimulatorState, exchange: Exchange, fileId: string): void {
  if (!state.batches.files.delete(fileId)) sendFileNotFound(exchange, fileId);
  else exchange.sendJson(200, { id: fileId, object: 'file', deleted: true });
}
