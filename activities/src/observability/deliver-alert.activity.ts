import { ApplicationFailure } from '@temporalio/common';
import type { AlertDelivery } from '#libs/store';
import type { ObservabilityDependencies } from './observability-dependencies.js';

const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;

/** What a stored alert event's payload holds: where to send it and what. */
interface StoredNotification {
  readonly webhooks: readonly string[];
  readonly body: unknown;
}

/**
 * Posts a recorded notification to each of its rule's webhooks (Slack-compatible JSON) and
 * records every attempt. Webhooks that already answered 2xx are not sent again, so a retry
 * (after one webhook failed) repeats only the failed ones; it throws while any still fails.
 */
export function createDeliverAlertNotification(deps: ObservabilityDependencies) {
  const send = deps.fetch ?? fetch;
  return async function deliverAlertNotification(eventId: string): Promise<{ delivered: number; webhooks: number }> {
    const event = await deps.alerts.event(eventId);
    if (event === undefined) throw ApplicationFailure.nonRetryable(`alert event ${eventId} does not exist`, 'AlertEventMissing');
    const { webhooks, body } = event.payload as StoredNotification;
    const deliveries: AlertDelivery[] = [...event.deliveries];
    const done = new Set(deliveries.filter((delivery) => delivery.status !== undefined && delivery.status < 300).map((delivery) => delivery.webhook));
    const failed: string[] = [];
    for (const name of webhooks) {
      if (done.has(name)) continue;
      const webhook = deps.policy.webhooks.find((candidate) => candidate.name === name);
      if (webhook === undefined) {
        // The webhook left the configuration since the notification was recorded: nothing to send to.
        deliveries.push({ webhook: name, error: 'webhook no longer configured', at: new Date().toISOString() });
        continue;
      }
      try {
        const response = await send(webhook.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...webhook.headers },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(deps.webhookTimeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS),
        });
        deliveries.push({ webhook: name, status: response.status, at: new Date().toISOString() });
        if (response.status >= 300) failed.push(`${name} answered ${response.status}`);
      } catch (error) {
        deliveries.push({ webhook: name, error: error instanceof Error ? error.message : String(error), at: new Date().toISOString() });
        failed.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    await deps.alerts.setDeliveries(eventId, deliveries);
    if (failed.length > 0) throw ApplicationFailure.retryable(`alert ${eventId} not delivered to ${failed.join('; ')}`, 'AlertDeliveryFailed');
    const delivered = new Set(deliveries.filter((delivery) => delivery.status !== undefined && delivery.status < 300).map((delivery) => delivery.webhook)).size;
    return { delivered, webhooks: webhooks.length };
  };
}
