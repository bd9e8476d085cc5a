import { z } from 'zod';
import { USAGE_GROUP_BYS, type UsageGroupBy } from '#libs/store';

/** Longest window one report may cover. */
export const MAX_USAGE_WINDOW_DAYS = 366;
const DAY_MS = 86_400_000;

const instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'must be a date (2031-01-31) or an ISO-8601 date-time with a zone (2031-01-31T12:00:00Z)' })
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value));

/** `GET /v1/usage?group_by=&from=&to=&tenant_id=`. */
export const UsageQuerySchema = z
  .strictObject({
    /** `user`, `key` (key lineage), `model` or `day` (UTC); default `day`. */
    group_by: z.enum(USAGE_GROUP_BYS as [UsageGroupBy, ...UsageGroupBy[]], { error: `group_by must be one of ${USAGE_GROUP_BYS.join(', ')}` }).default('day'),
    /** Inclusive start; a bare date is its UTC midnight. Default: the first day of the current UTC month. */
    from: instant.optional(),
    /** Exclusive end; a bare date is its UTC midnight. Default: the start of tomorrow (UTC). */
    to: instant.optional(),
    /** Default the caller's tenant; admins may name any tenant, or `*` for all tenants together. */
    tenant_id: z.string().min(1).max(128).optional(),
  })
  .transform((query) => {
    const now = new Date();
    return {
      groupBy: query.group_by,
      from: query.from ?? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)),
      to: query.to ?? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1)),
      tenantId: query.tenant_id,
    };
  })
  .refine((query) => query.from < query.to, { message: 'from must be before to', path: ['from'] })
  .refine((query) => query.to.getTime() - query.from.getTime() <= MAX_USAGE_WINDOW_DAYS * DAY_MS, {
    message: `the window from..to may cover at most ${MAX_USAGE_WINDOW_DAYS} days`,
    path: ['to'],
  });

/** A validated usage question. */
export type UsageQueryInput = z.infer<typeof UsageQuerySchema>;
