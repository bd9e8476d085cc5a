import type { Caller } from '#libs/contracts';
import type { ApiKeyBudgets, ApiKeyLimits, ApiKeyRole } from '#libs/store';

/**
 * The authenticated caller as the guard puts it on the request: the `Caller` every service
 * takes, plus what access control needs. `keyId` is the key's lineage id for managed keys
 * (stable across rotations, so spend and rate limits carry over) and `key_<hash>` for config keys.
 */
export interface AccessCaller extends Caller {
  readonly role: ApiKeyRole;
  /** The presented key's own id (differs from `keyId` after a rotation). */
  readonly apiKeyId: string;
  /** `config` for `auth.apiKeys`, `managed` for keys in the store. */
  readonly source: 'config' | 'managed';
  /** The key's own budgets (empty for config keys): input of `budgetCapsFor`. */
  readonly keyBudgets: ApiKeyBudgets;
  /** The key's own rate limits (empty for config keys): config defaults fill the gaps. */
  readonly keyLimits: ApiKeyLimits;
}
