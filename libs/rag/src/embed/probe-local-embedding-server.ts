import { convertOpenAiError, createOpenAiClient } from '#libs/llm';

/** What a probe of an OpenAI-compatible embeddings endpoint found. */
export type LocalEmbeddingServerProbe =
  | {
      readonly available: true;
      /** The base URL to configure, ending in `/v1`. */
      readonly baseURL: string;
      /** The served model (first of `/v1/models`), or the one asked for. */
      readonly modelId: string;
      readonly dimensions: number;
      /** Time of the probe's one-text embeddings call. */
      readonly latencyMs: number;
    }
  | { readonly available: false; readonly baseURL: string; readonly reason: string };

/** Options of a probe. */
export interface ProbeLocalEmbeddingServerOptions {
  /** Model to ask for; default: the first model `/v1/models` lists, else `default`. */
  readonly modelId?: string;
  /** Local servers usually ignore it. */
  readonly apiKey?: string;
  /** For each of the two requests; default 3 s. */
  readonly timeoutMs?: number;
}

/**
 * Whether an OpenAI-compatible embeddings server answers at `url` (with or without `/v1`),
 * found by embedding one short text through the official SDK, exactly as the adapter will.
 * Never throws: an unreachable or wrong server is `{ available: false, reason }`.
 */
export async function probeLocalEmbeddingServer(url: string, options: ProbeLocalEmbeddingServerOptions = {}): Promise<LocalEmbeddingServerProbe> {
  const trimmed = url.replace(/\/+$/, '');
  const baseURL = /\/v1$/.test(trimmed) ? trimmed : `${trimmed}/v1`;
  const timeout = options.timeoutMs ?? 3_000;
  const client = createOpenAiClient({ baseURL, apiKey: options.apiKey ?? 'not-needed' });
  const describe = (error: unknown): string => {
    const message = convertOpenAiError(error, { provider: 'local-embeddings', modelId: options.modelId ?? 'unknown' })?.message ?? String(error);
    const root = rootCause(error);
    return root === undefined || message.includes(root) ? message : `${message}: ${root}`;
  };

  let modelId = options.modelId;
  if (modelId === undefined) {
    try {
      const models = await client.models.list({ timeout, maxRetries: 0 });
      modelId = models.data[0]?.id;
    } catch {
      // Some servers have no /v1/models; the embeddings call below decides.
    }
  }
  const chosenModel = modelId ?? 'default';
  try {
    const started = performance.now();
    const response = await client.embeddings.create({ model: chosenModel, input: ['Ballast embedding probe'], encoding_format: 'float' }, { timeout, maxRetries: 0 });
    const latencyMs = Math.round(performance.now() - started);
    const vector: unknown = response.data[0]?.embedding;
    if (!Array.isArray(vector) || vector.length === 0 || !vector.every((value) => typeof value === 'number' && Number.isFinite(value))) {
      return { available: false, baseURL, reason: 'the server answered, but not with an embedding vector' };
    }
    return { available: true, baseURL, modelId: chosenModel, dimensions: vector.length, latencyMs };
  } catch (error) {
    return { available: false, baseURL, reason: describe(error) };
  }
}

/**
 * The innermost cause's message (undici hides ECONNREFUSED two levels down). Duck-typed: errors
 * from Node's own fetch may come from another realm, where instanceof Error is false.
 */
function rootCause(error: unknown): string | undefined {
  let current: unknown = error;
  let found: string | undefined;
  for (let depth = 0; depth < 6 && typeof current === 'object' && current !== null; depth += 1) {
    const { message, cause } = current as { message?: unknown; cause?: unknown };
    if (typeof message === 'string' && message !== '') found = message;
    current = cause;
  }
  return found;
}
