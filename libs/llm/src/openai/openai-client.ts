import OpenAI from 'openai';
import { SdkClientCache, type SdkClientKey } from '../sdk-client-cache.js';

/** OpenAI's public endpoint, used when a provider config names no baseURL. */
export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * An `openai` client as Ballast runs it: no SDK retries, because Temporal owns retries and
 * a hidden retry would make an attempt invisible in the workflow history; organization and
 * project set explicitly so the SDK does not pick them up from the environment.
 */
export function createOpenAiClient(key: SdkClientKey): OpenAI {
  return new OpenAI({ apiKey: key.apiKey, baseURL: key.baseURL, maxRetries: 0, organization: null, project: null });
}

/** The process-wide clients, one per (baseURL, apiKey). */
export const sharedOpenAiClients = new SdkClientCache(createOpenAiClient);
