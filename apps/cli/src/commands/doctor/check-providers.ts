import type { ResolvedProvider } from '#libs/config';
import type { CheckResult, DoctorCheck } from './doctor-check.js';
import { probe } from './http-probe.js';

const OPENAI_BASE_URL = 'https://api.openai.com/v1';
const ANTHROPIC_BASE_URL = 'https://api.anthropic.com';
const ANTHROPIC_VERSION = '2023-06-01';

/**
 * Every configured provider, the simulator included: a key is present and the provider
 * accepts it on a cheap authenticated call (listing models), within the timeout.
 */
export const checkProviders: DoctorCheck = async ({ config, timeoutMs, fetch }) =>
  Promise.all(config.providers.map((provider) => checkProvider(provider, timeoutMs, fetch)));

async function checkProvider(provider: ResolvedProvider, timeoutMs: number, fetchFunction: typeof fetch): Promise<CheckResult> {
  const name = `provider ${provider.name}${provider.simulated ? ' (simulator)' : ''}`;
  const keyHint = provider.simulated ? 'start the simulator (`npm start` does) or set BALLAST_SIMULATOR_URL to where it listens' : `set the key of provider ${provider.name} (apiKey or apiKeyEnv in ballast.yaml, or its *_API_KEY variable)`;
  if (!provider.apiKey) return { name, status: 'fail', detail: 'no API key', fix: keyHint };
  const { url, headers } = modelsRequest(provider);
  const outcome = await probe(fetchFunction, url, headers, timeoutMs);
  if (outcome.kind === 'unreachable') {
    return {
      name,
      status: 'fail',
      detail: `cannot reach ${url}: ${outcome.reason}`,
      fix: provider.simulated ? keyHint : `check the network path to the provider${provider.baseURL ? ` and its baseURL (${provider.baseURL})` : ''}; raise --timeout if it is only slow`,
    };
  }
  if (outcome.status === 401 || outcome.status === 403) {
    return { name, status: 'fail', detail: `the API key was refused (HTTP ${outcome.status} from ${url})`, fix: `${keyHint}; check it is valid and not revoked` };
  }
  if (outcome.status === 404 && provider.kind === 'openai-compatible') {
    return { name, status: 'warn', detail: `${url} answered 404: the server does not list models, so the key could not be checked`, fix: 'nothing to do if chat requests work; otherwise check baseURL ends with /v1' };
  }
  if (outcome.status >= 400) {
    return { name, status: 'fail', detail: `HTTP ${outcome.status} from ${url}: ${outcome.body}`, fix: provider.baseURL ? `check baseURL (${provider.baseURL})` : 'retry later; the provider may be down' };
  }
  return { name, status: 'pass', detail: `key accepted by ${url}` };
}

/** The models list of the provider's wire format, as its SDK would send it. */
export function modelsRequest(provider: ResolvedProvider): { url: string; headers: Record<string, string> } {
  if (provider.kind === 'anthropic') {
    const base = (provider.baseURL ?? ANTHROPIC_BASE_URL).replace(/\/$/, '');
    return { url: `${base}/v1/models`, headers: { 'x-api-key': provider.apiKey, 'anthropic-version': ANTHROPIC_VERSION } };
  }
  const base = (provider.baseURL ?? OPENAI_BASE_URL).replace(/\/$/, '');
  return { url: `${base}/models`, headers: { authorization: `Bearer ${provider.apiKey}` } };
}
