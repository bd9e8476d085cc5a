import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** Which process exports: `service.name` gets `.api` or `.worker`; `npm start` runs both as one. */
export type TelemetryRole = 'api' | 'worker' | 'all';

/** Export is on: a provider is registered globally and spans leave through OTLP/HTTP. */
export interface EnabledTelemetry {
  readonly enabled: true;
  readonly tracerProvider: NodeTracerProvider;
  /** Where workflow spans, made inside the workflow sandbox, join the process's batch. */
  readonly spanProcessor: SpanProcessor;
  readonly resource: Resource;
  /** Sends every finished span now (tests, and before a process exits on its own). */
  forceFlush(): Promise<void>;
  /** Flushes (a failed export is logged, not thrown), stops the exporter and unregisters the globals. */
  shutdown(): Promise<void>;
}

/** Export is off: nothing is registered, every span the code starts is the API's no-op span. */
export interface DisabledTelemetry {
  readonly enabled: false;
  forceFlush(): Promise<void>;
  shutdown(): Promise<void>;
}

/** The handle `startTelemetry` returns; API, worker and client setup read it. */
export type Telemetry = EnabledTelemetry | DisabledTelemetry;

/** The handle when export is off. */
export const DISABLED_TELEMETRY: DisabledTelemetry = Object.freeze({
  enabled: false,
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
});
