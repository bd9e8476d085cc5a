import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import type { OtelConfig } from '#libs/config';
import { otlpEndpointOf } from './otlp-endpoint.js';
import { reportExportErrors } from './report-export-errors.js';
import { DISABLED_TELEMETRY, type EnabledTelemetry, type Telemetry, type TelemetryRole } from './telemetry.js';

/** The globals are per process: a second provider would silently lose to the first. */
let running: EnabledTelemetry | undefined;

/**
 * Starts trace export for this process, or returns the no-op handle when it is off. On: a
 * global provider (ParentBased(TraceIdRatio) so a caller's sampling decision is kept), the
 * AsyncLocalStorage context manager (spans nest across awaits), W3C trace-context and baggage
 * propagators (an incoming `traceparent` continues the caller's trace), batched OTLP/HTTP export.
 */
export function startTelemetry(otel: OtelConfig, options: { readonly role: TelemetryRole }): Telemetry {
  const endpoint = otlpEndpointOf(otel);
  if (endpoint === undefined) return DISABLED_TELEMETRY;
  if (running) throw new Error('OpenTelemetry export is already running in this process; shut the first handle down before starting another');

  const resource = new Resource({ [ATTR_SERVICE_NAME]: serviceNameFor(otel.serviceName, options.role) });
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces`, headers: { ...otel.headers } }));
  const tracerProvider = new NodeTracerProvider({
    resource,
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(otel.sampleRatio) }),
    spanProcessors: [spanProcessor],
  });
  tracerProvider.register();
  const stopReportingErrors = reportExportErrors(endpoint);

  const telemetry: EnabledTelemetry = {
    enabled: true,
    tracerProvider,
    spanProcessor,
    resource,
    // The SDK rejects with an array of per-processor errors; callers get one Error that names the collector.
    forceFlush: () =>
      tracerProvider.forceFlush().catch((errors: unknown) => {
        throw new AggregateError([errors].flat(), `spans were not exported to ${endpoint}`);
      }),
    async shutdown() {
      if (running !== telemetry) return;
      running = undefined;
      // A collector that is down must not turn a graceful stop into a failed one.
      await tracerProvider.shutdown().catch((error: unknown) => console.warn(`[telemetry] the last spans were not exported to ${endpoint}: ${error instanceof Error ? error.message : String(error)}`));
      stopReportingErrors();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  running = telemetry;
  return telemetry;
}

/** `ballast.api` / `ballast.worker` tell the two processes apart in a trace; one process is just `ballast`. */
export function serviceNameFor(serviceName: string, role: TelemetryRole): string {
  return role === 'all' ? serviceName : `${serviceName}.${role}`;
}
