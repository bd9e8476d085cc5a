import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AccessCaller } from '../auth/access-caller.js';
import { CurrentAccessCaller } from '../auth/caller.decorator.js';
import { RequireRole } from '../auth/require-role.decorator.js';
import { ZodBodyPipe } from '../validation/zod-body.pipe.js';
import { openApiSchema } from '../validation/zod-openapi.js';
import { CreateApiKeySchema, ListApiKeysQuerySchema, RotateApiKeySchema, type CreateApiKeyBody, type ListApiKeysQuery } from './api-key.dto.js';
import { AdminKeysService } from './admin-keys.service.js';

@ApiTags('admin')
@ApiBearerAuth()
@RequireRole('tenant-admin')
@Controller('v1/admin/keys')
export class AdminKeysController {
  constructor(private readonly keys: AdminKeysService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Create a managed API key (the plaintext `key` is in this response only)',
    description: 'Admins create keys for any tenant; tenant-admins for their own tenant, with a role no stronger than their own. The store keeps only a sha256 of the key.',
  })
  @ApiBody({ schema: openApiSchema(CreateApiKeySchema) })
  @ApiResponse({ status: 201, description: 'the key, with its plaintext `key` shown once' })
  @ApiResponse({ status: 403, description: 'a user key, or a role stronger than the caller’s' })
  @ApiResponse({ status: 404, description: 'a tenant-admin named another tenant' })
  create(@Body(new ZodBodyPipe(CreateApiKeySchema)) body: CreateApiKeyBody, @CurrentAccessCaller() caller: AccessCaller) {
    return this.keys.create(body, caller);
  }

  @Get()
  @ApiOperation({ summary: "List a tenant's managed keys, without secrets (prefix and last4 only; cursor pagination)" })
  @ApiQuery({ name: 'tenant_id', required: false, description: "default the caller's tenant; admins may name any" })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'include_revoked', required: false, enum: ['true', 'false'] })
  list(@Query(new ZodBodyPipe(ListApiKeysQuerySchema)) query: ListApiKeysQuery, @CurrentAccessCaller() caller: AccessCaller) {
    return this.keys.list(query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One managed key, without its secret' })
  @ApiParam({ name: 'id', description: 'key id (`key_…`)' })
  get(@Param('id') id: string, @CurrentAccessCaller() caller: AccessCaller) {
    return this.keys.get(id, caller);
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @ApiOperation({ summary: 'Revoke a key: its very next request gets 401 revoked-api-key' })
  @ApiParam({ name: 'id', description: 'key id (`key_…`)' })
  revoke(@Param('id') id: string, @CurrentAccessCaller() caller: AccessCaller) {
    return this.keys.revoke(id, caller);
  }

  @Post(':id/rotate')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Rotate a key: a new secret (shown once) with the same settings; the old one stops now or after grace_seconds',
    description: 'Budgets and rate limits count per lineage, so rotating never resets them. Body optional.',
  })
  @ApiParam({ name: 'id', description: 'key id (`key_…`)' })
  @ApiBody({ schema: openApiSchema(RotateApiKeySchema), required: false })
  @ApiResponse({ status: 409, description: 'the key is revoked or already rotated' })
  rotate(@Param('id') id: string, @Body() body: unknown, @CurrentAccessCaller() caller: AccessCaller) {
    return this.keys.rotate(id, new ZodBodyPipe(RotateApiKeySchema).transform(body ?? {}), caller);
  }
}
