import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Caller } from '#libs/contracts';
import { CurrentCaller } from '../auth/caller.decorator.js';
import { ZodBodyPipe } from '../validation/zod-body.pipe.js';
import { openApiSchema } from '../validation/zod-openapi.js';
import { CreateCollectionSchema, PageQuerySchema, type CreateCollectionBody } from './collection.dto.js';
import { CollectionsService } from './collections.service.js';
import { toCollectionResponse } from './to-collection-response.js';

@ApiTags('collections')
@ApiBearerAuth()
@Controller('v1/collections')
export class CollectionsController {
  constructor(private readonly collections: CollectionsService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a collection (name, embedding model, chunking settings)' })
  @ApiBody({ schema: openApiSchema(CreateCollectionSchema) })
  create(@Body(new ZodBodyPipe(CreateCollectionSchema)) body: CreateCollectionBody, @CurrentCaller() caller: Caller) {
    return this.collections.create(body, caller);
  }

  @Get()
  @ApiOperation({ summary: "List the tenant's collections (cursor pagination)" })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  list(@Query(new ZodBodyPipe(PageQuerySchema)) page: { limit?: number; cursor?: string }, @CurrentCaller() caller: Caller) {
    return this.collections.list(caller, page);
  }

  @Get(':collection')
  @ApiOperation({ summary: 'One collection, by id or name' })
  async get(@Param('collection') collection: string, @CurrentCaller() caller: Caller) {
    return toCollectionResponse(await this.collections.get(collection, caller));
  }
}
