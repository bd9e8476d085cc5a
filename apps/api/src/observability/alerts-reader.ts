import { Injectable } from '@nestjs/common';
import type { AlertScope, TraceScope } from '#libs/store';
import { RagRuntimeRef } from '../rag-runtime-ref.js';

/** The part of an alert's engine state the API shows. */
interface ShownAlertState {
  readonly since?: string;
  readonly summary?: string;
  readonly lastValue?: number | null;
}

/** Alert states, notifications and reviews as the API and the dashboard show them. */
@Injectable()
export class AlertsReader {
  constructor(private readonly rag: RagRuntimeRef) {}

  /** Every alert the scope may see, firing ones first. */
  async current(scope: TraceScope | AlertScope) {
    const states = await this.rag.runtime.alerts.states<ShownAlertState>(scope);
    return states
      .map((state) => ({
        key: state.key,
        rule: state.rule,
        kind: state.kind,
        severity: state.severity,
        status: state.status,
        subject: state.subject,
        tenant_id: state.tenantId ?? null,
        since: state.state.since ?? state.updatedAt,
        summary: state.state.summary ?? '',
        value: state.state.lastValue ?? null,
        evaluated_at: state.updatedAt,
      }))
      .sort((left, right) => Number(right.status === 'firing') - Number(left.status === 'firing') || left.key.localeCompare(right.key));
  }

  /** Notifications sent, newest first. */
  async events(scope: AlertScope, limit: number, cursor: string | undefined) {
    const page = await this.rag.runtime.alerts.events(scope, { limit, ...(cursor === undefined ? {} : { cursor }) });
    return {
      data: page.items.map((event) => ({
        id: event.id,
        key: event.key,
        rule: event.rule,
        kind: event.kind,
        severity: event.severity,
        subject: event.subject,
        tenant_id: event.tenantId ?? null,
        notification: event.notification,
        summary: event.summary,
        deliveries: event.deliveries,
        created_at: event.createdAt,
      })),
      next_cursor: page.nextCursor ?? null,
    };
  }

  /** The newest weekly review; reviews span every tenant, so only admins (scope `all-tenants`) see them. */
  async latestReview(scope: TraceScope | AlertScope) {
    if (scope !== 'all-tenants') return null;
    const [review] = await this.rag.runtime.reviews.list(1);
    return review === undefined ? null : { id: review.id, created_at: review.createdAt, period_start: review.periodStart, period_end: review.periodEnd, markdown: review.markdown };
  }
}
