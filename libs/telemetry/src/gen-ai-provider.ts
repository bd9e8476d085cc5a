/** A configured provider as the GenAI span names it. */
export interface GenAiProvider {
  /** `gen_ai.system` / `gen_ai.provider.name`. */
  readonly system: string;
  readonly serverAddress: string | undefined;
  readonly serverPort: number | undefined;
}

/** A provider as the configuration describes it (its key is never needed here). */
export interface ProviderEndpoint {
  readonly name: string;
  readonly kind: 'openai' | 'anthropic' | 'openai-compatible';
  readonly baseURL?: string;
}

/** Where the official SDKs send requests when no baseURL is configured. */
const SDK_DEFAULT_URLS: Record<'openai' | 'anthropic', string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com',
};

/**
 * `gen_ai.system` and `server.*` for a provider. OpenAI and Anthropic are named by their
 * semconv values; an OpenAI-compatible server (vLLM, Ollama, a gateway) is not OpenAI, so its
 * configured name says what it is.
 */
export function genAiProviderOf(provider: ProviderEndpoint): GenAiProvider {
  const system = provider.kind === 'openai-compatible' ? provider.name : provider.kind;
  const url = parseUrl(provider.baseURL ?? (provider.kind === 'openai-compatible' ? undefined : SDK_DEFAULT_URLS[provider.kind]));
  if (!url) return { system, serverAddress: undefined, serverPort: undefined };
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : url.protocol === 'http:' ? 80 : undefined;
  // WHATWG keeps IPv6 brackets in `hostname`; server.address is the bare address.
  return { system, serverAddress: url.hostname.replace(/^\[(.*)\]$/, '$1'), serverPort: port };
}

function parseUrl(value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
