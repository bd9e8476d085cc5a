import { jest } from '@jest/globals';
import { context, createContextKey, propagation, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { ConfigError, type OtelConfig } from '#libs/config';
import { serviceNameFor, startTelemetry } from './start-telemetry.js';
import { temporalClientInterceptors } from './temporal-client-tracing.js';
import { temporalWorkerTracing } from './temporal-worker-tracing.js';
import { DISABLED_TELEMETRY, type Telemetry } from './telemetry.js';

/** Nothing listens here (the discard port): exports fail fast. */
const UNUSED_ENDPOINT = 'http://127.0.0.1:9';
const otel = (overrides: Partial<OtelConfig>): OtelConfig => ({ enabled: false, serviceName: 'ballast', headers: {}, sampleRatio: 1, ...overrides });
const KEY = createContextKey('probe');

let started: Telemetry | undefined;
afterEach(async () => {
  await started?.shutdown();
  started = undefined;
});

describe('export off', () => {
  test('registers nothing: no provider, no context manager, no propagator, no Temporal interceptors', () => {
    started = startTelemetry(otel({ enabled: false }), { role: 'all' });

    expect(started).toBe(DISABLED_TELEMETRY);
    const span = trace.getTracer('probe').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    expect(trace.isSpanContextValid(span.spanContext())).toBe(false);
    // Without a registered context manager `with` does not even carry a value into its callback.
    expect(context.with(ROOT_CONTEXT.setValue(KEY, 1), () => context.active().getValue(KEY))).toBeUndefined();
    expect(propagation.fields()).toEqual([]);
    expect(temporalClientInterceptors(started)).toEqual({});
    const worker = temporalWorkerTracing(started);
    expect(worker.activityInterceptors).toEqual([]);
    // The bundled workflow interceptors still find their sink; it drops what they send.
    expect(worker.sinks.exporter.export.fn({} as never, [])).toBeUndefined();
  });
});

describe('export on', () => {
  test('an endpoint alone turns it on, as OTEL_EXPORTER_OTLP_ENDPOINT does for other SDKs', () => {
    started = startTelemetry(otel({ endpoint: UNUSED_ENDPOINT }), { role: 'worker' });

    expect(started.enabled).toBe(true);
    // Not ended: nothing is exported to the unused endpoint.
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(true);
    expect(propagation.fields()).toEqual(expect.arrayContaining(['traceparent']));
    expect(context.with(ROOT_CONTEXT.setValue(KEY, 1), () => context.active().getValue(KEY))).toBe(1);
    expect(started.enabled && started.resource.attributes['service.name']).toBe('ballast.worker');
    expect(temporalClientInterceptors(started).workflow).toHaveLength(1);
    expect(temporalWorkerTracing(started).activityInterceptors).toHaveLength(1);
  });

  test('a collector that is down fails a flush but not the shutdown: stopping must not fail on it', async () => {
    const telemetry = (started = startTelemetry(otel({ endpoint: UNUSED_ENDPOINT }), { role: 'api' }));
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      trace.getTracer('probe').startSpan('probe').end();
      await expect(telemetry.forceFlush()).rejects.toThrow('spans were not exported to http://127.0.0.1:9');
      trace.getTracer('probe').startSpan('probe').end();
      await expect(telemetry.shutdown()).resolves.toBeUndefined();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('were not exported to http://127.0.0.1:9'));
    } finally {
      warn.mockRestore();
    }
  });

  test('on without an endpoint refuses to start and says how to fix it', () => {
    expect(() => startTelemetry(otel({ enabled: true }), { role: 'api' })).toThrow(ConfigError);
    expect(() => startTelemetry(otel({ enabled: true }), { role: 'api' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });

  test('a second start in one process is refused: the first provider would silently keep the globals', () => {
    started = startTelemetry(otel({ endpoint: UNUSED_ENDPOINT }), { role: 'api' });
    expect(() => startTelemetry(otel({ endpoint: UNUSED_ENDPOINT }), { role: 'api' })).toThrow(/already running/);
  });

  test('shutdown unregisters the globals, so a later start in the same process takes effect', async () => {
    const first = startTelemetry(otel({ endpoint: UNUSED_ENDPOINT }), { role: 'api' });
    await first.shutdown();
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
    expect(propagation.fields()).toEqual([]);

    started = startTelemetry(otel({ endpoint: UNUSED_ENDPOINT }), { role: 'api' });
    expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(true);
  });

  test('sampleRatio samples new traces; a caller that sampled its trace is followed', () => {
    started = startTelemetry(otel({ endpoint: UNUSED_ENDPOINT, sampleRatio: 0 }), { role: 'api' });
    const tracer = trace.getTracer('probe');

    expect(tracer.startSpan('new trace').isRecording()).toBe(false);
    const callerSampled = trace.setSpanContext(ROOT_CONTEXT, { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED, isRemote: true });
    expect(tracer.startSpan('continued trace', {}, callerSampled).isRecording()).toBe(true);
  });
});

test('service.name tells the API and the worker apart; one process running both is just the service', () => {
  expect(serviceNameFor('ballast', 'api')).toBe('ballast.api');
  expect(serviceNameFor('ballast', 'worker')).toBe('ballast.worker');
  expect(serviceNameFor('ballast', 'all')).toBe('ballast');
});
