import type { PerMinuteLimits } from '#libs/limits';
import type { AccessCaller } from '../auth/access-caller.js';

/** A key's RPM and TPM: its own limits where set, else the configured per-key defaults. */
export function keyRateLimits(caller: Pick<AccessCaller, 'keyLimits'>, defaults: PerMinuteLimits): PerMinuteLimits {
  const rpm = caller.keyLimits.rpm ?? defaults.rpm;
  const tpm = caller.keyLimits.tpm ?? defaults.tpm;
  return { ...(rpm === undefined ? {} : { rpm }), ...(tpm === undefined ? {} : { tpm }) };
}

/** The limiter bucket of a key: its lineage, so a rotated key keeps its count. */
export function keyRateLimitBucket(caller: Pick<AccessCaller, 'keyId'>): string {
  return `key:${caller.keyId}`;
}
