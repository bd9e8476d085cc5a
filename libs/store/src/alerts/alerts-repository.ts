import type { Kysely } from 'kysely';
import { decodeKeysetCursor, encodeKeysetCursor } from '../keyset-cursor.js';
import { pageLimit, type Page, type PageOptions } from '../page.js';
import type { StoreSchema } from '../schema.js';

/** What identifies an alert and who may see it. */
export interface AlertIdentity {
  /** Rule name and subject: one state per key. */
  readonly key: string;
  readonly rule: string;
  readonly kind: string;
  readonly severity: string;
  readonly subject: string;
  /** Set for alerts about one tenant (its tenant-admins see them); absent for global alerts. */
  readonly tenantId?: string;
}

/** The stored state of an alert; `state` is the alert engine's own JSON-serialisable state. */
export interface StoredAlertState<S> extends AlertIdentity {
  readonly status: string;
  readonly state: S;
  readonly updatedAt: string;
}

/** One delivery attempt of a notification to one webhook. */
export interface AlertDelivery {
  readonly webhook: string;
  /** HTTP status of the webhook's answer; absent when the request failed. */
  readonly status?: number;
  readonly error?: string;
  readonly at: string;
}

/** A notification sent (or attempted): firing, resolved or reminder. */
export interface StoredAlertEvent extends AlertIdentity {
  readonly id: string;
  readonly notification: string;
  readonly summary: string;
  readonly payload: unknown;
  readonly deliveries: readonly AlertDelivery[];
  readonly createdAt: string;
}

/** Which alerts a reader sees: one tenant's (and no global ones), or all. */
export type AlertScope = { readonly tenantId: string } | 'all-tenants';

/** Alert states and the notifications sent; written by the alert evaluation activity. */
export class AlertsRepository {
  constructor(private readonly db: Kysely<StoreSchema>) {}

  /** Every stored state, for evaluation (a few per rule). */
  async states<S>(scope: AlertScope = 'all-tenants'): Promise<StoredAlertState<S>[]> {
    let select = this.db.selectFrom('alert_states').selectAll();
    if (scope !== 'all-tenants') select = select.where('tenant_id', '=', scope.tenantId);
    const rows = await select.orderBy('key').execute();
    return rows.map((row) => ({
      ...identityOf(row),
      status: row.status,
      state: JSON.parse(row.state) as S,
      updatedAt: row.updated_at,
    }));
  }

  /** Stores the state of an alert (insert or replace). */
  async saveState<S>(state: StoredAlertState<S>): Promise<void> {
    const values = {
      key: state.key,
      rule: state.rule,
      kind: state.kind,
      severity: state.severity,
      subject: state.subject,
      tenant_id: state.tenantId ?? null,
      status: state.status,
      state: JSON.stringify(state.state),
      updated_at: state.updatedAt,
    };
    await this.db
      .insertInto('alert_states')
      .values(values)
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ ...values }))
      .execute();
  }

  /** Records a notification; the same id twice keeps the first (activity retries). Returns false for a repeat. */
  async insertEvent(event: StoredAlertEvent): Promise<boolean> {
    const result = await this.db
      .insertInto('alert_events')
      .values({
        id: event.id,
        key: event.key,
        rule: event.rule,
        kind: event.kind,
        severity: event.severity,
        subject: event.subject,
        tenant_id: event.tenantId ?? null,
        notification: event.notification,
        summary: event.summary,
        payload: JSON.stringify(event.payload),
        deliveries: JSON.stringify(event.deliveries),
        created_at: event.createdAt,
      })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /** Replaces the delivery record of an event. */
  async setDeliveries(id: string, deliveries: readonly AlertDelivery[]): Promise<void> {
    await this.db.updateTable('alert_events').set({ deliveries: JSON.stringify(deliveries) }).where('id', '=', id).execute();
  }

  /** One event by id. */
  async event(id: string): Promise<StoredAlertEvent | undefined> {
    const row = await this.db.selectFrom('alert_events').selectAll().where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : toEvent(row);
  }

  /** Notifications newest first. */
  async events(scope: AlertScope, options: PageOptions = {}): Promise<Page<StoredAlertEvent>> {
    const limit = pageLimit(options);
    let select = this.db.selectFrom('alert_events').selectAll();
    if (scope !== 'all-tenants') select = select.where('tenant_id', '=', scope.tenantId);
    if (options.cursor !== undefined) {
      const after = decodeKeysetCursor(options.cursor);
      select = select.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.createdAt, after.id)));
    }
    const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute();
    const items = rows.slice(0, limit).map(toEvent);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return last === undefined ? { items } : { items, nextCursor: encodeKeysetCursor({ createdAt: last.created_at, id: last.id }) };
  }
}

function identityOf(row: { key: string; rule: string; kind: string; severity: string; subject: string; tenant_id: string | null }): AlertIdentity {
  return { key: row.key, rule: row.rule, kind: row.kind, severity: row.severity, subject: row.subject, ...(row.tenant_id === null ? {} : { tenantId: row.tenant_id }) };
}

function toEvent(row: StoreSchema['alert_events']): StoredAlertEvent {
  return {
    ...identityOf(row),
    id: row.id,
    notification: row.notification,
    summary: row.summary,
    payload: JSON.parse(row.payload) as unknown,
    deliveries: JSON.parse(row.deliveries) as AlertDelivery[],
    createdAt: row.created_at,
  };
}
