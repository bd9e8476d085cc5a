import type { ChatMessage, GenerationSettings } from '#libs/contracts';
import type { JsonValue } from './canonical-json.js';

/** Version of the key layout: bump it when what goes into a key changes, so old entries stop matching. */
export const CACHE_KEY_SCHEMA_VERSION = 1;

/** A collection the answer was grounded in, with the version its readers saw. */
export interface CollectionVersion {
  readonly collectionId: string;
  /** Active version or content fingerprint: a re-ingested collection must not serve old answers. */
  readonly version: string | number;
}

/** Retrieval knobs that change which chunks reach the prompt. */
export interface CacheKeyRetrieval {
  readonly topK?: number;
  readonly hybrid?: boolean;
  readonly mmrLambda?: number;
  readonly minScore?: number;
}

/** Generation settings plus the provider-specific ones passed through untouched. */
export interface CacheKeySettings extends GenerationSettings {
  /** Every provider-specific parameter (`reasoning_effort`, `top_k`, `logit_bias`, …), keyed as sent. */
  readonly providerOptions?: Readonly<Record<string, JsonValue | undefined>>;
}

/** Everything that changes an answer: what the exact key and the semantic namespace hash. */
export interface CacheKeyInput {
  readonly tenantId: string;
  /** The route as resolved by the router (tier or configured model name). */
  readonly route: string;
  /** The provider model the route resolved to (`openai/gpt-4.1-mini`), when known before the call. */
  readonly model?: string;
  readonly messages: readonly ChatMessage[];
  readonly settings?: CacheKeySettings;
  /** Tool definitions in the provider's JSON form, in the order sent. */
  readonly tools?: readonly JsonValue[];
  readonly toolChoice?: JsonValue;
  readonly responseFormat?: JsonValue;
  /** Collections the prompt is grounded in, in the order retrieval uses them. */
  readonly collections?: readonly CollectionVersion[];
  readonly retrieval?: CacheKeyRetrieval;
}

/**
 * Message text as keyed. Only changes that cannot change what the text says: Unicode NFC (the
 * same characters composed or decomposed), CRLF / CR line endings as LF, blank lines before the
 * first non-blank line and whitespace after the last character removed. Spaces inside and at the
 * start of lines are kept (indentation is meaning in code and Markdown), and so is case.
 */
export function normalizeMessageContent(content: string): string {
  return content
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[^\S\n]*\n)+/, '')
    .trimEnd();
}

/** A message as keyed: role, normalised content and name (absent when empty). */
export function canonicalMessage(message: ChatMessage): JsonValue {
  return { role: message.role, content: normalizeMessageContent(message.content), name: message.name === '' ? undefined : message.name };
}

/**
 * The fields of a key input besides the messages, in canonical form. Stop sequences are a set
 * (the first one met stops the output, whichever order they came in), so they are sorted and
 * deduplicated; everything else keeps its order.
 */
export function canonicalKeyContext(input: CacheKeyInput): { readonly [key: string]: JsonValue | undefined } {
  const settings = input.settings ?? {};
  return {
    schema: CACHE_KEY_SCHEMA_VERSION,
    tenantId: input.tenantId,
    route: input.route,
    model: input.model,
    settings: {
      temperature: settings.temperature,
      topP: settings.topP,
      maxOutputTokens: settings.maxOutputTokens,
      stop: settings.stop === undefined ? undefined : [...new Set(settings.stop)].sort(),
      seed: settings.seed,
      presencePenalty: settings.presencePenalty,
      frequencyPenalty: settings.frequencyPenalty,
      providerOptions: settings.providerOptions,
    },
    tools: input.tools,
    toolChoice: input.toolChoice,
    responseFormat: input.responseFormat,
    collections: input.collections?.map((collection) => ({ collectionId: collection.collectionId, version: collection.version })),
    retrieval: input.retrieval === undefined ? undefined : { ...input.retrieval },
  };
}
