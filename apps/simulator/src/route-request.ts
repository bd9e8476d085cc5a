import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { handleAnthropicMessages } from './anthropic-messages-handler.js';
import { routeBatchRequest } from './batch-routes.js';
import { CONTROL_PREFIX, handleControl } from './control-handler.js';
import { Exchange, type Provider } from './exchange.js';
import { handleListModels } from './models-handler.js';
import { handleOpenAiChat } from './openai-chat-handler.js';
import { handleOpenAiEmbeddings } from './openai-embeddings-handler.js';
import { sendProviderError } from './provider-errors.js';
import { readJsonBody, RequestBodyError } from './request-body.js';
import type { SimulatorState } from './simulator-state.js';

type BodyHandler = (state: SimulatorState, exchange: Exchange, body: unknown) => Promise<void>;

const BODY_ROUTES: Record<string, BodyHandler> = {
  'POST /v1/chat/completions': handleOpenAiChat,
  'POST /v1/embeddings': handleOpenAiEmbeddings,
  'POST /v1/messages': handleAnthropicMessages,
};

/** Both SDKs are sometimes pointed at a base URL without `/v1`; those paths mean the same thing. */
function normalizePath(pathname: string): string {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return trimmed.startsWith('/v1/') || trimmed.startsWith(CONTROL_PREFIX) ? trimmed : `/v1${trimmed}`;
}

/** Anthropic's SDK always sends `anthropic-version`; `/messages` is Anthropic's alone. */
function detectProvider(path: string, headers: IncomingHttpHeaders): Provider {
  if (path === '/v1/messages' || path.startsWith('/v1/messages/')) return 'anthropic';
  return headers['anthropic-version'] === undefined ? 'openai' : 'anthropic';
}

async function dispatch(state: SimulatorState, exchange: Exchange, method: string, path: string, url: URL): Promise<void> {
  if (path.startsWith(CONTROL_PREFIX)) return handleControl(state, exchange, method, path);
  const route = `${method} ${path}`;
  if (route === 'GET /v1/models') return handleListModels(exchange, state.scenarios.keys());
  if (await routeBatchRequest(state, exchange, method, path, url.searchParams)) return;
  const rawPath = url.pathname;
  const handler = BODY_ROUTES[route];
  if (!handler) {
    const message = exchange.provider === 'openai' ? `Invalid URL (${method} ${rawPath})` : 'Not Found';
    sendProviderError(exchange, { status: 404, message, code: null });
    return;
  }
  let body: unknown;
  try {
    body = await readJsonBody(exchange.request);
  } catch (error) {
    if (!(error instanceof RequestBodyError)) throw error;
    sendProviderError(exchange, { status: error.status, message: error.message });
    return;
  }
  await handler(state, exchange, body);
}

/** Entry point for every HTTP request: picks the provider conventions and the handler. Never rejects. */
export async function routeRequest(state: SimulatorState, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://simulator');
  const path = normalizePath(url.pathname);
  const method = request.method ?? 'GET';
  const exchange = new Exchange(request, response, path.startsWith(CONTROL_PREFIX) ? 'openai' : detectProvider(path, request.headers));
  try {
    await dispatch(state, exchange, method, path, url);
  } catch (error) {
    // A bug in the simulator must not look like a simulated fault: say so loudly in the body.
    const message = `Simulator internal error: ${error instanceof Error ? error.message : String(error)}`;
    if (response.headersSent) response.destroy();
    else sendProviderError(exchange, { status: 500, message });
  }
}
