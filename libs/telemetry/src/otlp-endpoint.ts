import { ConfigError, type OtelConfig } from '#libs/config';

/**
 * The OTLP/HTTP base URL to export to, or undefined when export is off. Export is on when the
 * config says so or an endpoint is given (`OTEL_EXPORTER_OTLP_ENDPOINT` alone turns it on, as
 * other OpenTelemetry SDKs do); on without an endpoint is refused at start, not discovered
 * later as silently missing traces.
 */
export function otlpEndpointOf(otel: OtelConfig): string | undefined {
  if (!otel.enabled && otel.endpoint === undefined) return undefined;
  if (otel.endpoint === undefined) {
    throw new ConfigError([
      {
        path: 'observability.otel.endpoint',
        message: 'OpenTelemetry export is enabled but no collector endpoint is set: set OTEL_EXPORTER_OTLP_ENDPOINT (e.g. http://localhost:4318) or observability.otel.endpoint, or turn observability.otel.enabled off',
      },
    ]);
  }
  return otel.endpoint.replace(/\/+$/, '');
}
