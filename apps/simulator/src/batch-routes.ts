import {
  handleCancelMessageBatch,
  handleCreateMessageBatch,
  handleListMessageBatches,
  handleMessageBatchResults,
  handleRetrieveMessageBatch,
} from './anthropic-batches-handler.js';
import type { Exchange } from './exchange.js';
import { handleCancelBatch, handleCreateBatch, handleListBatches, handleRetrieveBatch } from './openai-batches-handler.js';
import { handleCreateFile, handleDeleteFile, handleFileContent, handleRetrieveFile } from './openai-files-handler.js';
import { sendProviderError } from './provider-errors.js';
import { readJsonBody, RequestBodyError } from './request-body.js';
import type { SimulatorState } from './simulator-state.js';

type Route = (state: SimulatorState, exchange: Exchange, id: string, query: URLSearchParams) => Promise<void> | void;

const withJsonBody =
  (handler: (state: SimulatorState, exchange: Exchange, body: unknown) => void): Route =>
  async (state, exchange) =>
    handler(state, exchange, await readJsonBody(exchange.request));

/** Method and path pattern (`:id` is one path segment) of every files and batches endpoint. */
const ROUTES: ReadonlyArray<readonly [method: string, pattern: RegExp, route: Route]> = [
  ['POST', /^\/v1\/files$/, (state, exchange) => handleCreateFile(state, exchange)],
  ['GET', /^\/v1\/files\/([^/]+)$/, (state, exchange, id) => handleRetrieveFile(state, exchange, id)],
  ['DELETE', /^\/v1\/files\/([^/]+)$/, (state, exchange, id) => handleDeleteFile(state, exchange, id)],
  ['GET', /^\/v1\/files\/([^/]+)\/content$/, (state, exchange, id) => handleFileContent(state, exchange, id)],
  ['POST', /^\/v1\/batches$/, withJsonBody(handleCreateBatch)],
  ['GET', /^\/v1\/batches$/, (state, exchange, _id, query) => handleListBatches(state, exchange, query)],
  ['GET', /^\/v1\/batches\/([^/]+)$/, (state, exchange, id) => handleRetrieveBatch(state, exchange, id)],
  ['POST', /^\/v1\/batches\/([^/]+)\/cancel$/, (state, exchange, id) => handleCancelBatch(state, exchange, id)],
  ['POST', /^\/v1\/messages\/batches$/, withJsonBody(handleCreateMessageBatch)],
  ['GET', /^\/v1\/messages\/batches$/, (state, exchange, _id, query) => handleListMessageBatches(state, exchange, query)],
  ['GET', /^\/v1\/messages\/batches\/([^/]+)$/, (state, exchange, id) => handleRetrieveMessageBatch(state, exchange, id)],
  ['GET', /^\/v1\/messages\/batches\/([^/]+)\/results$/, (state, exchange, id) => handleMessageBatchResults(state, exchange, id)],
  ['POST', /^\/v1\/messages\/batches\/([^/]+)\/cancel$/, (state, exchange, id) => handleCancelMessageBatch(state, exchange, id)],
];

/**
 * OpenAI Files and Batch, Anthropic Message Batches. Returns false when the path is none of
 * theirs, so the caller's own routes (and its 404) apply.
 */
export async function routeBatchRequest(state: SimulatorState, exchange: Exchange, method: string, path: string, query: URLSearchParams): Promise<boolean> {
  for (const [routeMethod, pattern, route] of ROUTES) {
    if (routeMethod !== method) continue;
    const match = pattern.exec(path);
    if (!match) continue;
    try {
      await route(state, exchange, decodeURIComponent(match[1] ?? ''), query);
    } catch (error) {
      if (!(error instanceof RequestBodyError)) throw error;
      sendProviderError(exchange, { status: error.status, message: error.message });
    }
    return true;
  }
  return false;
}
