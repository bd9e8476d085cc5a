import { Controller, Delete, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Caller } from '#libs/contracts';
import { CurrentCaller } from '../auth/caller.decorator.js';
import { PageQuerySchema } from '../collections/collection.dto.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import { ZodBodyPipe } from '../validation/zod-body.pipe.js';
import { openApiSchema } from '../validation/zod-openapi.js';
import { JsonDocumentUploadSchema } from './document-upload.dto.js';
import { DocumentsService, tooLarge, type DocumentUpload } from './documents.service.js';
import { AppSettings } from '../app-settings.js';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('v1/collections/:collection/documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly settings: AppSettings,
  ) {}

  @Post()
  @ApiOperation({
    summary: 'Upload a document (text, markdown, HTML or PDF) — 202, ingested by a workflow',
    description:
      'multipart/form-data with a `file` part (and optional `title`, `source_name` fields), or JSON `{ content, title?, media_type?, source_name? }`. ' +
      'Uploading the same `source_name` again replaces the document: readers keep the old version until the new one is fully embedded. ' +
      'Unsupported types get 415, unreadable files 422, and nothing is stored.',
  })
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody({ schema: openApiSchema(JsonDocumentUploadSchema) })
  async upload(@Param('collection') collection: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply, @CurrentCaller() caller: Caller) {
    const upload = request.isMultipart() ? await this.readMultipart(request) : readJson(request.body);
    const result = await this.documents.upload(collection, upload, caller);
    void reply.status(result.status);
    return result.body;
  }

  @Get()
  @ApiOperation({ summary: 'List documents with their ingestion status (cursor pagination)' })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  list(@Param('collection') collection: string, @Query(new ZodBodyPipe(PageQuerySchema)) page: { limit?: number; cursor?: string }, @CurrentCaller() caller: Caller) {
    return this.documents.list(collection, caller, page);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A document: status and progress (chunks embedded / total), versions, error' })
  get(@Param('collection') collection: string, @Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.documents.get(collection, id, caller);
  }

  @Delete(':id')
  @HttpCode(202)
  @ApiOperation({ summary: 'Delete a document: hidden from retrieval at once, vectors and chunks removed by a workflow' })
  remove(@Param('collection') collection: string, @Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.documents.remove(collection, id, caller);
  }

  private async readMultipart(request: FastifyRequest): Promise<DocumentUpload> {
    const maxBytes = this.settings.config.documents.maxBytes;
    // Whatever the multipart parser rejects (no boundary, a cut body, a bad part header) is the client's body, not a server fault.
    const file = await request.file({ limits: { fileSize: maxBytes, files: 1 } }).catch((error: unknown) => {
      throw malformedMultipart(error);
    });
    if (!file) throw new ProblemError(problem('invalid-request', 400, 'Invalid Request', 'The multipart body has no file part; send the document as a `file` field.'));
    const bytes = await file.toBuffer().catch((error: { code?: string }) => {
      if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxBytes);
      throw malformedMultipart(error);
    });
    const field = (name: string): string | undefined => {
      const value = file.fields[name];
      return value && !Array.isArray(value) && value.type === 'field' && typeof value.value === 'string' && value.value ? value.value : undefined;
    };
    return { bytes, fileName: file.filename, declaredType: file.mimetype, title: field('title'), sourceName: field('source_name') };
  }
}

function malformedMultipart(error: unknown): ProblemError {
  const reason = error instanceof Error ? error.message : String(error);
  return new ProblemError(
    problem('invalid-multipart', 400, 'Malformed Multipart Body', `The multipart/form-data body could not be read (${reason}); send a \`file\` part with a boundary in the Content-Type, as curl -F does.`),
  );
}

function readJson(body: unknown): DocumentUpload {
  const parsed = new ZodBodyPipe(JsonDocumentUploadSchema).transform(body);
  const declaredType = parsed.media_type ?? 'text/markdown';
  return { bytes: Buffer.from(parsed.content, 'utf8'), declaredType, title: parsed.title, sourceName: parsed.source_name, fileName: undefined };
}

