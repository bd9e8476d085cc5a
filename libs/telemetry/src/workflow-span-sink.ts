import type { Resource } from '@opentelemetry/resources';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { makeWorkflowExporter, type OpenTelemetryWorkflowExporter } from '@temporalio/interceptors-opentelemetry';
import type { InjectedSink } from '@temporalio/worker';
import type { WorkflowInfo } from '@temporalio/workflow';

/**
 * The `exporter` sink the bundled workflow interceptors hand their spans to, feeding the
 * process's batch processor. The SDK's sink copies the whole WorkflowInfo onto every span;
 * this passes only the identifying fields: memo, search attributes and last results may hold
 * caller data, and dates and functions are not span attributes anyway.
 */
export function workflowSpanSink(spanProcessor: SpanProcessor, resource: Resource): InjectedSink<OpenTelemetryWorkflowExporter> {
  const sink = makeWorkflowExporter(spanProcessor, resource);
  return {
    export: {
      fn: (info, spans) => sink.export.fn(identifyingFieldsOf(info), spans),
    },
  };
}

/**
 * The sink when export is off. The interceptors are in every workflow bundle (the prebuilt
 * bundle is built before the config is known), so their spans need somewhere to go: here,
 * nowhere, rather than an "unregistered sink" error per workflow task.
 */
export const DISCARD_WORKFLOW_SPANS: InjectedSink<OpenTelemetryWorkflowExporter> = { export: { fn: () => undefined } };

function identifyingFieldsOf(info: WorkflowInfo): WorkflowInfo {
  const { workflowId, runId, workflowType, taskQueue, namespace, attempt } = info;
  // The SDK's sink only reads the fields it copies; the cast keeps its signature.
  return { workflowId, runId, workflowType, taskQueue, namespace, attempt } as WorkflowInfo;
}
