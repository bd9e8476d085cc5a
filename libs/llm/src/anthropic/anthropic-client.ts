import Anthropic from '@anthropic-ai/sdk';
import { SdkClientCache, type SdkClientKey } from '../sdk-client-cache.js';

/** Anthropic's public endpoint, used when a provider config names no baseURL. */
export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

/**
 * An `@anthropic-ai/sdk` client as Ballast runs it: no SDK retries, because Temporal owns
 * retries and a hidden retry would make an attempt invisible in the workflow history.
 * The key is passed explicitly, so the SDK reads no credential from the environment.
 */
export function createAnthropicClient(key: SdkClientKey): Anthropic {
  return new Anthropic({ apiKey: key.apiKey, baseURL: key.baseURL, maxRetries: 0 });
}

/** The process-wide clients, one per (baseURL, apiKey). */
export const sharedAnthropicClients = new SdkClientCache(createAnthropicClient);
