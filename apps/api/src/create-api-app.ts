import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Client } from '@temporalio/client';
import type { ResolvedConfig } from '#libs/config';
import { RouteTable } from '#libs/routes';
import { AppModule } from './app.module.js';
import { PROBLEM_CONTENT_TYPE } from './problems/problem-details.js';
import { toProblem } from './problems/problem-exception.filter.js';

export interface CreateApiAppOptions {
  readonly config: ResolvedConfig;
  readonly client: Client;
  readonly logger?: boolean;
}

/** Builds the Nest application (not yet listening), with OpenAPI at /docs. */
export async function createApiApp(options: CreateApiAppOptions): Promise<NestFastifyApplication> {
  const { config } = options;
  const routes = new RouteTable({ routes: config.routes, rules: config.routing, catalog: config.catalog, providers: config.providers });
  const adapter = new FastifyAdapter({ bodyLimit: config.server.bodyLimitBytes, trustProxy: false });
  // Errors raised by Fastify before Nest sees the request (bad JSON, body too large) get problem+json too.
  adapter.getInstance().setErrorHandler((error, request, reply) => {
    const { body, headers } = toProblem(error);
    void reply.status(body.status).headers({ ...headers, 'content-type': PROBLEM_CONTENT_TYPE }).send({ ...body, instance: request.url });
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot({ config, client: options.client, routes }), adapter, {
    logger: options.logger === false ? false : ['error', 'warn', 'log'],
  });
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ballast API')
      .setDescription('The production layer for LLM applications: durable chat completions on Temporal.')
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'Ballast API key' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
  app.enableShutdownHooks();
  return app;
}
