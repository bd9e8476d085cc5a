import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { ResolvedConfig } from '#libs/config';
import { RouteTable } from '#libs/routes';
import multipart from '@fastify/multipart';
import type { RagRuntime } from '#libs/rag-runtime';
import type { StreamRelay } from '#libs/streaming';
import type { Telemetry } from '#libs/telemetry';
import { JSONL_CONTENT_TYPES } from './batches/batches.controller.js';
import { AppModule } from './app.module.js';
import { serveDashboard } from './dashboard/serve-dashboard.js';
import { YAML_CONTENT_TYPES } from './evals/create-eval.dto.js';
import { traceHttpRequests } from './telemetry/trace-http-requests.js';

export interface CreateApiAppOptions {
  readonly config: ResolvedConfig;
  readonly client: Client;
  readonly rag: RagRuntime;
  readonly logger?: boolean;
  /** Trace export (`startTelemetry`); absent or off: no request spans. */
  readonly telemetry?: Telemetry;
  /** Where streamed text arrives from workers (`openStreamRelay(config.streaming.relay)`); absent: the process-wide in-process relay. */
  readonly streamRelay?: StreamRelay;
}

/** Builds the Nest application (not yet listening), with OpenAPI at /docs. */
export async function createApiApp(options: CreateApiAppOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  const routes = new RouteTable({ routes: config.routes, rules: config.routing, catalog: config.catalog, providers: config.providers });
  const adapter = new FastifyAdapter({ bodyLimit: config.server.bodyLimitBytes, trustProxy: false });
  // Batch input files arrive as JSONL text, with their own (larger) size limit.
  adapter.getInstance().addContentTypeParser(JSONL_CONTENT_TYPES, { parseAs: 'string', bodyLimit: config.batch.maxBytes }, (_request, body, done) => done(null, body));
  // Eval suites may arrive as the YAML file itself.
  adapter.getInstance().addContentTypeParser(YAML_CONTENT_TYPES, { parseAs: 'string' }, (_request, body, done) => done(null, body));
  if (options.telemetry?.enabled) traceHttpRequests(adapter.getInstance(), options.telemetry.tracerProvider.getTracer('ballast.api'));
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config, client: options.client, routes, rag: options.rag, ...(options.streamRelay ? { streamRelay: options.streamRelay } : {}) }), adapter, {
    logger: options.logger === false ? false : ['error', 'warn'],
  });
  await app.register(multipart, { limits: { fileSize: config.documents.maxBytes, files: 1 } });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ballast API')
      .setDescription(
        'The production layer for LLM applications: durable chat completions on Temporal. ' +
          'Every endpoint but the health probes needs an API key (`Authorization: Bearer <key>`); model-calling endpoints answer with `x-ratelimit-*` headers. See docs/access.md.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Ballast API key: a config key or a managed `sk-ballast-…` key' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  serveDashboard(app);
  return app;
}
