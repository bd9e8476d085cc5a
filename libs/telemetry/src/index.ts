export { DISABLED_TELEMETRY, type DisabledTelemetry, type EnabledTelemetry, type Telemetry, type TelemetryRole } from './telemetry.js';
export { serviceNameFor, startTelemetry } from './start-telemetry.js';
export { otlpEndpointOf } from './otlp-endpoint.js';
export { temporalClientInterceptors } from './temporal-client-tracing.js';
export { temporalWorkerTracing, type TemporalWorkerTracing } from './temporal-worker-tracing.js';
export { BALLAST, GEN_AI } from './gen-ai-attributes.js';
export { genAiProviderOf, type GenAiProvider, type ProviderEndpoint } from './gen-ai-provider.js';
export { traceGenAiChat, type GenAiChatRequest, type GenAiChatResponse } from './trace-gen-ai-chat.js';
