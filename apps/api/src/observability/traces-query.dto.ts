import { z } from 'zod';
import { TRACE_STATUSES, type TraceStatus } from '#libs/store';

const instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'must be a date (2031-01-31) or an ISO-8601 date-time with a zone (2031-01-31T12:00:00Z)' })
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value));

/** `GET /v1/traces?…`. */
export const TracesQuerySchema = z
  .strictObject({
    limit: z.coerce.number({ error: 'limit must be a number from 1 to 200' }).int().min(1).max(200).default(50),
    cursor: z.string().min(1).max(500).optional(),
    status: z.enum(TRACE_STATUSES as [TraceStatus, ...TraceStatus[]], { error: `status must be one of ${TRACE_STATUSES.join(', ')}` }).optional(),
    route: z.string().min(1).max(200).optional(),
    model: z.string().min(1).max(200).optional(),
    user: z.string().min(1).max(200).optional(),
    since: instant.optional(),
    until: instant.optional(),
    /** Admins: any tenant, or `*` for all. */
    tenant_id: z.string().min(1).max(128).optional(),
  })
  .refine((query) => query.since === undefined || query.until === undefined || query.since < query.until, { message: 'since must be before until', path: ['since'] });

export type TracesQueryInput = z.infer<typeof TracesQuerySchema>;

/** `GET /v1/dashboard?days=&tenant_id=`. */
export const DashboardQuerySchema = z.strictObject({
  days: z.coerce.number({ error: 'days must be a whole number from 1 to 90' }).int().min(1).max(90).default(14),
  tenant_id: z.string().min(1).max(128).optional(),
});

export type DashboardQueryInput = z.infer<typeof DashboardQuerySchema>;
