import { z } from 'zod';

/** Request states as `GET /v1/requests?status=` names them, with the Temporal execution status each means. */
export const REQUEST_STATUSES = {
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  canceled: 'Canceled',
  cancelled: 'Canceled',
  terminated: 'Terminated',
  timed_out: 'TimedOut',
  continued_as_new: 'ContinuedAsNew',
} as const;

/** A status name the list accepts. */
export type RequestStatus = keyof typeof REQUEST_STATUSES;

const STATUS_NAMES = Object.keys(REQUEST_STATUSES) as RequestStatus[];

/** Values spliced into a visibility query: plain identifiers only, so no quoting can be broken. */
const keyword = (what: string) =>
  z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9._:/@+-]+$/, { error: `${what} may contain letters, digits and . _ : / @ + - only` });

const instant = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: 'must be a date (2031-01-31) or an ISO-8601 date-time with a zone (2031-01-31T12:00:00Z)' })
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value));

/** `GET /v1/requests?status=&since=&until=&route=&model=&user=&limit=&cursor=&tenant_id=`. */
export const ListRequestsQuerySchema = z
  .strictObject({
    /** One status or several separated by commas (`failed,timed_out`); default every status. */
    status: z
      .string()
      .transform((value, context) => {
        const statuses = value.split(',').map((part) => part.trim().toLowerCase());
        const unknown = statuses.filter((status) => !(STATUS_NAMES as string[]).includes(status));
        if (unknown.length > 0) {
          context.addIssue({ code: 'custom', message: `status must be one or more of ${STATUS_NAMES.join(', ')}, comma-separated (got ${unknown.join(', ')})` });
          return z.NEVER;
        }
        return statuses as RequestStatus[];
      })
      .optional(),
    /** Started at or after this instant. */
    since: instant.optional(),
    /** Started before this instant. */
    until: instant.optional(),
    /** The route the request took (`simple`, `complex`, a named route or the model named directly). */
    route: keyword('route').optional(),
    /** `provider/model` that answered, or the model the request asked for while unanswered. */
    model: keyword('model').optional(),
    /** The end user (`user` of the chat request) or the key's user. */
    user: keyword('user').optional(),
    /** Items per page, 1–100 (default 20). */
    limit: z.coerce.number().int().min(1).max(100).default(20),
    /** `next_cursor` of the previous page (the same filters must be sent again). */
    cursor: z.string().min(1).max(4_096).optional(),
    /** Admins only: another tenant's requests. */
    tenant_id: keyword('tenant_id').optional(),
  })
  .refine((query) => query.since === undefined || query.until === undefined || query.since < query.until, { message: 'since must be before until', path: ['since'] });

/** A validated list query. */
export type ListRequestsQuery = z.infer<typeof ListRequestsQuerySchema>;
