/**
 * Workflow interceptors every worker bundles (apps/worker/src/workflow-bundle.ts): OpenTelemetry's.
 * The inbound interceptor runs each workflow, signal and update in a span continuing the context
 * the client put in the start's headers; the outbound one wraps scheduling an activity in a span
 * and passes the context on in the activity's headers. They add headers, never commands, so
 * histories recorded without them still replay (test/otel.test.ts replays them all). One catch:
 * span ids are drawn from the workflow's seeded Math.random, shifting what uuid4() returns, so
 * workflow code must not put random values in commands (ids derive from the workflow id).
 * Spans leave the sandbox through the worker's `exporter` sink (libs/telemetry workflow-span-sink.ts).
 */
export { interceptors } from '@temporalio/interceptors-opentelemetry/lib/workflow-interceptors.js';
