import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RequireRole } from '../auth/require-role.decorator.js';
import { RequestMetrics } from './request-metrics.js';

@ApiTags('observability')
@ApiBearerAuth()
@RequireRole('admin')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: RequestMetrics) {}

  @Get()
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics of this API process',
    description:
      'Requests by outcome, latency histograms, tokens, cost, cache results, fallbacks, retries, errors by type, budget and rate-limit refusals, ' +
      'trace-writer health and process metrics (memory, event-loop lag). Needs an admin key: give Prometheus one as a bearer token.',
  })
  @ApiProduces('text/plain')
  @ApiResponse({ status: 200, description: 'Prometheus text exposition format' })
  async scrape(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { contentType, body } = await this.metrics.render();
    void reply.header('content-type', contentType);
    return body;
  }
}
