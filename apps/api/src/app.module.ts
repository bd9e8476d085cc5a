import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { Client } from '@temporalio/client';
import type { ResolvedConfig } from '#libs/config';
import { RouteTable } from '#libs/routes';
import { AppSettings } from './app-settings.js';
import { AdminKeysController } from './admin/admin-keys.controller.js';
import { AdminKeysService } from './admin/admin-keys.service.js';
import { ApiKeyAuthenticator } from './auth/api-key-authenticator.js';
import { ApiKeyGuard } from './auth/api-key.guard.js';
import { ApiKeyStore } from './auth/api-key-store.js';
import { BatchesController } from './batches/batches.controller.js';
import { BatchesService } from './batches/batches.service.js';
import { BatchRetention } from './batches/batch-retention.js';
import { CacheStatsController } from './cache/cache-stats.controller.js';
import { ChatCache } from './cache/chat-cache.js';
import { ChatController } from './chat/chat.controller.js';
import { MessagesController } from './messages/messages.controller.js';
import { EvalsController } from './evals/evals.controller.js';
import { EvalsService } from './evals/evals.service.js';
import { ChatService } from './chat/chat.service.js';
import { ChatStreamService } from './chat/streaming/chat-stream.service.js';
import { StreamRelayRef } from './chat/streaming/stream-relay-ref.js';
import { sharedInProcessStreamRelay, type StreamRelay } from '#libs/streaming';
import { HealthController } from './health/health.controller.js';
import { ModelsController } from './models/models.controller.js';
import { AlertsController } from './observability/alerts.controller.js';
import { AlertsReader } from './observability/alerts-reader.js';
import { DashboardController } from './observability/dashboard.controller.js';
import { DashboardService } from './observability/dashboard.service.js';
import { MetricsController } from './observability/metrics.controller.js';
import { RedactingContentPolicy } from './observability/redacting-content-policy.js';
import { RequestMetrics } from './observability/request-metrics.js';
import { TraceRecorder } from './observability/trace-recorder.js';
import { TracesController } from './observability/traces.controller.js';
import { TracesService } from './observability/traces.service.js';
import { ProblemExceptionFilter } from './problems/problem-exception.filter.js';
import { RequestsController } from './requests/requests.controller.js';
import { RequestsService } from './requests/requests.service.js';
import { ListRequestsService } from './requests/list-requests.service.js';
import { ReplayRequestService } from './requests/replay-request.service.js';
import { RequestLookup } from './requests/request-lookup.js';
import { ResetRequestService } from './requests/reset-request.service.js';
import { ChatStarter } from './temporal/chat-starter.js';
import { CollectionsController } from './collections/collections.controller.js';
import { CollectionsService } from './collections/collections.service.js';
import { DocumentsController } from './documents/documents.controller.js';
import { DocumentsService } from './documents/documents.service.js';
import { RagRuntimeRef } from './rag-runtime-ref.js';
import { RateLimitGuard } from './rate-limit/rate-limit.guard.js';
import { UsageController } from './usage/usage.controller.js';
import { UsageService } from './usage/usage.service.js';
import type { RagRuntime } from '#libs/rag-runtime';

export interface AppModuleOptions {
  readonly config: ResolvedConfig;
  readonly client: Client;
  readonly routes: RouteTable;
  readonly rag: RagRuntime;
  /** Metrics shared with other parts of the process (tests, benches); a fresh registry by default. */
  readonly metrics?: RequestMetrics;
  /** Where streamed text arrives from the workers (ADR 0012); the process-wide in-process relay by default. */
  readonly streamRelay?: StreamRelay;
}

/**
 * The API: every route authenticated by default (then rate-limited where it calls a model:
 * guards run in the order they are provided), every error a problem+json.
 */
@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      controllers: [ChatController, MessagesController, RequestsController, BatchesController, EvalsController, ModelsController, CollectionsController, DocumentsController, AdminKeysController, UsageController, CacheStatsController, TracesController, DashboardController, AlertsController, MetricsController, HealthController],
      providers: [
        { provide: AppSettings, useValue: new AppSettings(options.config) },
        { provide: Client, useValue: options.client },
        { provide: RouteTable, useValue: options.routes },
        { provide: RagRuntimeRef, useValue: new RagRuntimeRef(options.rag) },
        CollectionsService,
        DocumentsService,
        AdminKeysService,
        UsageService,
        { provide: ApiKeyStore, useValue: new ApiKeyStore(options.config.auth.apiKeys) },
        ApiKeyAuthenticator,
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_FILTER, useClass: ProblemExceptionFilter },
        { provide: RequestMetrics, useValue: options.metrics ?? new RequestMetrics() },
        {
          provide: TraceRecorder,
          useFactory: (metrics: RequestMetrics) =>
            new TraceRecorder(options.rag.traces, new RedactingContentPolicy(options.config.observability.redaction), metrics, options.config.observability.traces),
          inject: [RequestMetrics],
        },
        TracesService,
        DashboardService,
        AlertsReader,
        ChatStarter,
        ChatCache,
        ChatService,
        { provide: StreamRelayRef, useValue: new StreamRelayRef(options.streamRelay ?? sharedInProcessStreamRelay) },
        ChatStreamService,
        RequestsService,
        RequestLookup,
        ListRequestsService,
        ReplayRequestService,
        ResetRequestService,
        BatchesService,
        EvalsService,
        BatchRetention,
      ],
    };
  }
}
