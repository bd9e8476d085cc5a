import { Readable } from 'node:stream';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Caller } from '#libs/contracts';
import { CurrentCaller } from '../auth/caller.decorator.js';
import { ZodBodyPipe } from '../validation/zod-body.pipe.js';
import { openApiSchema } from '../validation/zod-openapi.js';
import { BatchesService } from './batches.service.js';
import { BatchQuerySchema, CreateBatchRequestSchema, ListBatchesQuerySchema } from './create-batch.dto.js';
import { itemsOfArray, itemsOfJsonl } from './parse-batch-lines.js';

/** Content types taken as the text of an OpenAI batch input file. */
export const JSONL_CONTENT_TYPES = ['application/jsonl', 'application/x-ndjson', 'application/jsonlines'];

@ApiTags('batches')
@ApiBearerAuth()
@Controller('v1/batches')
export class BatchesController {
  constructor(private readonly batches: BatchesService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Create a batch of chat requests',
    description:
      'Send the lines as JSON (`requests`, or `input_jsonl` with the text of an OpenAI batch input file) or the JSONL itself with ' +
      '`Content-Type: application/jsonl` (options then as query parameters). Each line is validated alone: invalid lines are listed ' +
      'in `errors` and the rest run. `mode: provider` sends them to the provider batch API at its discount; `mode: queued` runs each ' +
      'as a chat workflow (retrieval and validation included) within the configured off-peak windows.',
  })
  @ApiConsumes('application/json', ...JSONL_CONTENT_TYPES)
  @ApiBody({ schema: openApiSchema(CreateBatchRequestSchema) })
  @ApiQuery({ name: 'mode', required: false, enum: ['provider', 'queued'], description: 'with a JSONL body' })
  @ApiQuery({ name: 'completion_window', required: false, description: 'with a JSONL body: 1h to 7d (default 24h)' })
  @ApiQuery({ name: 'webhook_url', required: false, description: 'with a JSONL body: POSTed the batch when it ends' })
  @ApiResponse({ status: 202, description: 'the batch object' })
  @ApiResponse({ status: 400, description: 'no valid line, or bad options (problem+json listing the first line errors)' })
  @ApiResponse({ status: 413, description: 'more lines than batch.maxLines, or a body above batch.maxBytes' })
  async create(@Body() body: unknown, @Headers('content-type') contentType: string | undefined, @Query() query: Record<string, unknown>, @CurrentCaller() caller: Caller) {
    if (typeof body === 'string' || isJsonl(contentType)) {
      const options = new ZodBodyPipe(BatchQuerySchema).transform(query);
      return this.batches.create(itemsOfJsonl(typeof body === 'string' ? body : ''), options, caller);
    }
    const request = new ZodBodyPipe(CreateBatchRequestSchema).transform(body);
    const items = request.requests !== undefined ? itemsOfArray(request.requests) : itemsOfJsonl(request.input_jsonl ?? '');
    return this.batches.create(items, request, caller);
  }

  @Get()
  @ApiOperation({ summary: "This tenant's batches, newest first" })
  @ApiQuery({ name: 'limit', required: false, description: '1–100 (default 20)' })
  @ApiQuery({ name: 'after', required: false, description: '`next_cursor` of the previous page' })
  @ApiResponse({ status: 200, description: 'a list of batch objects' })
  list(@Query() query: Record<string, unknown>, @CurrentCaller() caller: Caller) {
    const options = new ZodBodyPipe(ListBatchesQuerySchema).transform(query);
    return this.batches.list(caller, { limit: options.limit, ...(options.after ? { after: options.after } : {}) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'A batch: status, line counts, cost so far, invalid lines' })
  @ApiParam({ name: 'id', description: 'batch id (batch_…)' })
  @ApiResponse({ status: 200, description: 'the batch object' })
  @ApiResponse({ status: 404, description: 'no such batch for this tenant' })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.batches.get(id, caller);
  }

  @Get(':id/results')
  @ApiOperation({ summary: "The batch's results as JSONL in OpenAI's batch output format, one line per finished request, in input order" })
  @ApiParam({ name: 'id', description: 'batch id (batch_…)' })
  @ApiProduces('application/jsonl')
  @ApiResponse({ status: 200, description: 'JSONL: {id, custom_id, response: {status_code, body}, error}' })
  @ApiResponse({ status: 404, description: 'no such batch for this tenant' })
  async results(@Param('id') id: string, @CurrentCaller() caller: Caller, @Res({ passthrough: true }) reply: FastifyReply) {
    const lines = await this.batches.results(id, caller);
    void reply.header('content-type', 'application/jsonl; charset=utf-8');
    return Readable.from(lines);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a batch: provider jobs are cancelled, unanswered lines end as cancelled and their holds are freed' })
  @ApiParam({ name: 'id', description: 'batch id (batch_…)' })
  @ApiResponse({ status: 200, description: 'the batch object (status cancelling)' })
  @ApiResponse({ status: 404, description: 'no such batch for this tenant' })
  @ApiResponse({ status: 409, description: 'the batch has already finished' })
  cancel(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.batches.cancel(id, caller);
  }
}

function isJsonl(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type !== undefined && JSONL_CONTENT_TYPES.includes(type);
}
