import { createHash } from 'node:crypto';

/**
 * Anthropic's Message Batches carry no metadata, so a batch is tied to its Ballast job through
 * the custom_ids of its requests: `b` + mode + a 10-hex tag of the job key + `_` + the line's own
 * custom_id, e.g. `br3f2a9c81d0_a-1`. Mode `r` carries the id as it is (when it fits Anthropic's
 * `^[a-zA-Z0-9_-]{1,64}$`), mode `e` carries it base64url-encoded. Decoding needs nothing but
 * the wire id, so results map back to Ballast's custom_ids without the submitted lines.
 */
const WIRE_ID = /^b([re])([0-9a-f]{10})_(.+)$/;
const ANTHROPIC_CUSTOM_ID = /^[a-zA-Z0-9_-]+$/;
const MAX_WIRE_LENGTH = 64;
const PREFIX_LENGTH = 13;

/** Longest custom_id Ballast can send in mode `r` (characters) or mode `e` (UTF-8 bytes). */
export const MAX_ANTHROPIC_RAW_CUSTOM_ID = MAX_WIRE_LENGTH - PREFIX_LENGTH;
export const MAX_ANTHROPIC_ENCODED_CUSTOM_ID_BYTES = Math.floor((MAX_WIRE_LENGTH - PREFIX_LENGTH) * 0.75);

/** The job's tag: the first 10 hex digits of SHA-256(jobKey). */
export function anthropicJobTag(jobKey: string): string {
  return createHash('sha256').update(jobKey).digest('hex').slice(0, 10);
}

/** The custom_id sent to Anthropic; undefined when the id is too long to carry. */
export function encodeAnthropicCustomId(tag: string, customId: string): string | undefined {
  if (ANTHROPIC_CUSTOM_ID.test(customId) && customId.length <= MAX_ANTHROPIC_RAW_CUSTOM_ID) return `br${tag}_${customId}`;
  const encoded = Buffer.from(customId, 'utf8').toString('base64url');
  return PREFIX_LENGTH + encoded.length <= MAX_WIRE_LENGTH ? `be${tag}_${encoded}` : undefined;
}

/** Ballast's custom_id and job tag behind a wire id; ids Ballast did not encode come back as they are. */
export function decodeAnthropicCustomId(wireId: string): { customId: string; tag: string | undefined } {
  const match = WIRE_ID.exec(wireId);
  if (!match) return { customId: wireId, tag: undefined };
  const [, mode, tag, payload = ''] = match;
  return { customId: mode === 'e' ? Buffer.from(payload, 'base64url').toString('utf8') : payload, tag };
}
