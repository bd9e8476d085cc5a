import { z } from 'zod';
import { ledgerUsd } from '#libs/config';

const tenantId = z.string().min(1).max(128);

/** `POST /v1/admin/keys`. */
export const CreateApiKeySchema = z.strictObject({
  /** Tenant the key belongs to; default the caller's. Only admins may name another tenant. */
  tenant_id: tenantId.optional(),
  /** The user the key acts for: requests, spend and usage are counted to them. */
  user_id: z.string({ error: 'user_id is required: the user the key acts for' }).min(1).max(256),
  /** A label to recognise the key by in listings, e.g. `ci` or `backend`. */
  name: z.string({ error: 'name is required: a label for the key' }).min(1).max(128),
  /** `user` (model requests; default), `tenant-admin` (its tenant's keys and usage) or `admin` (every tenant; admins only). */
  role: z.enum(['admin', 'tenant-admin', 'user'], { error: "role must be 'admin', 'tenant-admin' or 'user'" }).default('user'),
  /** Dollar caps of this key (across its rotations), per UTC day and calendar month. */
  budgets: z
    .strictObject({
      daily_usd: ledgerUsd.optional(),
      monthly_usd: ledgerUsd.optional(),
    })
    .optional(),
  /** Rate limits on model-calling endpoints; unset ones use `rateLimits.perKey` from the config. */
  limits: z
    .strictObject({
      /** Requests per minute. */
      rpm: z.number().int().positive().max(1_000_000).optional(),
      /** Estimated tokens (prompt characters / 4 + max_tokens) per minute. */
      tpm: z.number().int().positive().max(1_000_000_000).optional(),
    })
    .optional(),
});
export type CreateApiKeyBody = z.infer<typeof CreateApiKeySchema>;

/** `GET /v1/admin/keys?tenant_id=&limit=&cursor=&include_revoked=`. */
export const ListApiKeysQuerySchema = z.strictObject({
  /** Default the caller's tenant; only admins may name another. */
  tenant_id: tenantId.optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  cursor: z.string().min(1).optional(),
  /** `true` also lists revoked keys. */
  include_revoked: z.enum(['true', 'false'], { error: "include_revoked must be 'true' or 'false'" }).optional(),
});
export type ListApiKeysQuery = z.infer<typeof ListApiKeysQuerySchema>;

/** `POST /v1/admin/keys/:id/rotate` (body optional). */
export const RotateApiKeySchema = z.strictObject({
  /** How long the old secret keeps working so clients can switch (default 0: it stops at once; at most 7 days). */
  grace_seconds: z.number().int().min(0).max(7 * 24 * 3600).optional(),
});
export type RotateApiKeyBody = z.infer<typeof RotateApiKeySchema>;
