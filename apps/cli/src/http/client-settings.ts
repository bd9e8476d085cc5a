import { DEVELOPMENT_API_KEY } from '#libs/config';

/**
 * Where the CLI's HTTP commands (`ballast ingest`) send requests and which key they present.
 *
 * These are client settings, not server configuration, so they are read here rather than by
 * `loadConfig` (which stays the only reader of the server's environment): like OPENAI_BASE_URL
 * and OPENAI_API_KEY for the OpenAI SDK, they only tell this client how to reach a Ballast API.
 * A flag wins over the environment variable, which wins over the local development default.
 */
export const API_URL_VARIABLE = 'BALLAST_API_URL';
export const API_KEY_VARIABLE = 'BALLAST_API_KEY';
export const DEFAULT_API_URL = 'http://127.0.0.1:8080';

export interface ClientSettings {
  /** Base URL without a trailing slash or `/v1`. */
  readonly apiUrl: string;
  readonly apiKey: string;
}

export function clientSettings(flags: { readonly api?: string | undefined; readonly key?: string | undefined }, env: NodeJS.ProcessEnv = process.env): { apiUrl: string; apiKey: string } {
  return {
    apiUrl: flags.api || env[API_URL_VARIABLE] || DEFAULT_API_URL,
    apiKey: flags.key || env[API_KEY_VARIABLE] || DEVELOPMENT_API_KEY,
  };
}
