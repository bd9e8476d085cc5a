import type { ClientInterceptors } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { Telemetry } from './telemetry.js';

/**
 * Interceptors for a Temporal `Client`: starting a workflow (Update-with-Start, start, signal)
 * gets a client span and carries the active context in the workflow's headers, so the
 * workflow's spans continue the HTTP request's trace. None when export is off.
 */
export function temporalClientInterceptors(telemetry: Telemetry): ClientInterceptors {
  return telemetry.enabled ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } : {};
}
