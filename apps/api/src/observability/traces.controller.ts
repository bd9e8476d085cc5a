import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { TRACE_STATUSES } from '#libs/store';
import type { AccessCaller } from '../auth/access-caller.js';
import { CurrentAccessCaller } from '../auth/caller.decorator.js';
import { RequireRole } from '../auth/require-role.decorator.js';
import { ZodBodyPipe } from '../validation/zod-body.pipe.js';
import { TracesQuerySchema, type TracesQueryInput } from './traces-query.dto.js';
import { TracesService } from './traces.service.js';

@ApiTags('observability')
@ApiBearerAuth()
@RequireRole('tenant-admin')
@Controller('v1/traces')
export class TracesController {
  constructor(private readonly traces: TracesService) {}

  @Get()
  @ApiOperation({
    summary: 'Recorded chat requests (provider answers, cache hits, failures, refusals), newest first',
    description:
      'One trace per request: tenant, user, key, route, provider, model, status, latency, tokens, cost, cache status, retries, fallbacks, ' +
      'workflow and run ids with a Temporal UI link. Content is in GET /v1/traces/{id}. Needs a tenant-admin or admin key.',
  })
  @ApiQuery({ name: 'limit', required: false, description: '1–200, default 50' })
  @ApiQuery({ name: 'cursor', required: false, description: '`next_cursor` of the previous page' })
  @ApiQuery({ name: 'status', required: false, enum: [...TRACE_STATUSES] })
  @ApiQuery({ name: 'route', required: false })
  @ApiQuery({ name: 'model', required: false, description: 'the answering model (or the requested one when nobody answered)' })
  @ApiQuery({ name: 'user', required: false, description: 'user id' })
  @ApiQuery({ name: 'since', required: false, description: 'inclusive; a date or ISO-8601 date-time' })
  @ApiQuery({ name: 'until', required: false, description: 'exclusive' })
  @ApiQuery({ name: 'tenant_id', required: false, description: 'admins: any tenant, or * for all' })
  @ApiResponse({ status: 400, description: 'an invalid filter or cursor (named)' })
  list(@Query(new ZodBodyPipe(TracesQuerySchema)) query: TracesQueryInput, @CurrentAccessCaller() caller: AccessCaller) {
    return this.traces.list(query, caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One trace with its prompt and answer (as the tenant’s content mode kept them), hashes, attempts and redaction counts' })
  @ApiParam({ name: 'id', description: 'the request id (`req_…`)' })
  @ApiQuery({ name: 'tenant_id', required: false, description: 'admins: the tenant (default: any)' })
  @ApiResponse({ status: 404, description: 'no such trace for this tenant' })
  get(@Param('id') id: string, @CurrentAccessCaller() caller: AccessCaller, @Query('tenant_id') tenantId?: string) {
    return this.traces.get(id, caller, tenantId);
  }
}
