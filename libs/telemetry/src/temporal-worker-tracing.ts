import { OpenTelemetryActivityInboundInterceptor, OpenTelemetryActivityOutboundInterceptor } from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import type { OpenTelemetrySinks } from '@temporalio/interceptors-opentelemetry';
import type { Telemetry } from './telemetry.js';
import { DISCARD_WORKFLOW_SPANS, workflowSpanSink } from './workflow-span-sink.js';

/** What a worker adds for tracing: activity interceptors and the workflow span sink. */
export interface TemporalWorkerTracing {
  readonly activityInterceptors: ActivityInterceptorsFactory[];
  readonly sinks: InjectedSinks<OpenTelemetrySinks>;
}

/**
 * Worker options for tracing. On: each activity runs in a `RunActivity:<type>` span continuing
 * the context its workflow put in the activity's headers, and its logs carry the trace id;
 * workflow spans are exported through the sink. Off: no activity interceptors, workflow spans
 * dropped (the workflow interceptor modules are bundled either way, see workflow-bundle.ts).
 */
export function temporalWorkerTracing(telemetry: Telemetry): TemporalWorkerTracing {
  if (!telemetry.enabled) return { activityInterceptors: [], sinks: { exporter: DISCARD_WORKFLOW_SPANS } };
  return {
    activityInterceptors: [
      (ctx) => ({
        inbound: new OpenTelemetryActivityInboundInterceptor(ctx),
        outbound: new OpenTelemetryActivityOutboundInterceptor(ctx),
      }),
    ],
    sinks: { exporter: workflowSpanSink(telemetry.spanProcessor, telemetry.resource) },
  };
}
