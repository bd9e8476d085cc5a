import type { Client } from '@temporalio/client';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { contextPoliciesFrom, createActivities, createBatchActivities, createEvalActivities, createObservabilityActivities, ModelRegistry, repositoryBatchStore } from '#activities';
import type { ResolvedConfig } from '#libs/config';
import { CircuitBreakerRegistry, createBatchProviderClient } from '#libs/llm';
import type { RagRuntime } from '#libs/rag-runtime';
import type { StreamRelay } from '#libs/streaming';
import { RouteTable } from '#libs/routes';
import { DISABLED_TELEMETRY, temporalWorkerTracing, type Telemetry } from '#libs/telemetry';
import { attemptRecordedSignal } from '#workflows/messages';
import { ensureEvalSchedule } from './eval-schedule.js';
import { observabilityDependenciesFor } from './observability-dependencies.js';
import { ensureObservabilitySchedules } from './observability-schedules.js';
import { workflowCodeOptions } from './workflow-bundle.js';

export interface ChatWorkerOptions {
  readonly config: ResolvedConfig;
  readonly connection: NativeConnection;
  /** Client used by activities to record failed attempts in their workflow. */
  readonly client: Client;
  /** Load `dist/workflow-bundle.js` when present instead of bundling at start. */
  readonly preferPrebuiltBundle?: boolean;
  readonly workerOptions?: Partial<WorkerOptions>;
  /** Document, blob and vector stores with embedding models (shared with an API in the same process). */
  readonly rag: RagRuntime;
  /** Trace export (`startTelemetry`); absent: off. */
  readonly telemetry?: Telemetry;
  /** Where provider calls publish streamed text (`openStreamRelay(config.streaming.relay)`); absent: the process-wide in-process relay. */
  readonly streamRelay?: StreamRelay;
}

/** The route table the worker plans with, from the validated configuration. */
export function routeTableFor(config: ResolvedConfig): RouteTable {
  return new RouteTable({ routes: config.routes, rules: config.routing, catalog: config.catalog, providers: config.providers });
}

/** A worker for chat workflows and their activities, built from injected parts. */
export async function createChatWorker(options: ChatWorkerOptions): Promise<Worker> {
  const { config, client } = options;
  const routes = routeTableFor(config);
  const spend = {
    ledger: options.rag.ledger,
    budgets: config.budgets,
    onSoftLimit: (crossed: readonly { scope: string; subject: string; spentUsd: number; limitUsd: number }[]) =>
      console.warn(`[ballast] soft spending limit crossed: ${crossed.map((cap) => `${cap.scope} ${cap.subject} $${cap.spentUsd}/$${cap.limitUsd}`).join(', ')}`),
  };
  // Batch lines and eval queries run as chat workflows with the API's settings.
  const chatSettings = {
    retry: config.retry,
    timeouts: { attemptTimeoutMs: config.server.attemptTimeoutMs, heartbeatTimeoutMs: config.server.heartbeatTimeoutMs },
    callModelAs: config.temporal.callModelAs,
  };
  const models = new ModelRegistry(config.providers);
  const chatActivities = createActivities({
    routes,
    models,
    catalog: config.catalog,
    breakers: new CircuitBreakerRegistry(config.circuitBreaker),
    simulatedProviders: new Set(config.providers.filter((provider) => provider.simulated).map((provider) => provider.name)),
    rag: options.rag,
    contextPolicies: contextPoliciesFrom(config.routes),
    egress: options.rag.egress,
    conversations: options.rag.conversations,
    spend,
    ...(options.streamRelay ? { streamRelay: options.streamRelay } : {}),
    recordAttempt: async (workflowId, attempt) => {
      await client.workflow.getHandle(workflowId).signal(attemptRecordedSignal, attempt);
    },
  });
  const batchClients = new Map(config.providers.map((provider) => [provider.name, createBatchProviderClient(provider)]));
  const batchActivities = createBatchActivities({
    store: repositoryBatchStore(options.rag.batches),
    routes,
    catalog: config.catalog,
    batchClient: (provider) => batchClients.get(provider),
    spend,
    client,
    taskQueue: config.temporal.taskQueue,
    chatSettings,
  });
  const evalActivities = createEvalActivities({
    client,
    taskQueue: config.temporal.taskQueue,
    chatSettings,
    queryTimeoutMs: config.eval.queryTimeoutMs,
    routes,
    models,
    catalog: config.catalog,
    ...(config.eval.judge ? { judge: config.eval.judge } : {}),
    evalRuns: options.rag.evalRuns,
    alerts: options.rag.alerts,
    ...(config.observability.dashboardUrl ? { dashboardUrl: config.observability.dashboardUrl } : {}),
  });
  const activities = { ...chatActivities, ...batchActivities, ...evalActivities, ...createObservabilityActivities(observabilityDependenciesFor(config, options.rag)) };
  // The alert and review Schedules start workflows this worker runs: kept in step with its configuration.
  await ensureObservabilitySchedules(client, config);
  await ensureEvalSchedule(client, config);
  // A bundle handed in (tests share one across workers) has its interceptor modules compiled in.
  const code = options.workerOptions?.workflowBundle ? { workflowBundle: options.workerOptions.workflowBundle } : workflowCodeOptions({ preferPrebuilt: options.preferPrebuiltBundle ?? true });
  const tracing = temporalWorkerTracing(options.telemetry ?? DISABLED_TELEMETRY);
  return Worker.create({
    connection: options.connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    activities,
    ...code,
    interceptors: { ...code.interceptors, activity: tracing.activityInterceptors },
    sinks: tracing.sinks,
    // A dead worker's cached workflows move to a live worker after this, not the 10 s default.
    stickyQueueScheduleToStartTimeout: '3s',
    // SIGTERM: in-flight activities get this long to finish; cut ones are retried on another worker.
    shutdownGraceTime: config.server.shutdownGraceMs,
    ...options.workerOptions,
  });
}
