import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AccessCaller } from '../auth/access-caller.js';
import { CurrentAccessCaller } from '../auth/caller.decorator.js';
import { RequireRole } from '../auth/require-role.decorator.js';
import { ZodBodyPipe } from '../validation/zod-body.pipe.js';
import { DashboardService } from './dashboard.service.js';
import { DashboardQuerySchema, type DashboardQueryInput } from './traces-query.dto.js';

@ApiTags('observability')
@ApiBearerAuth()
@RequireRole('tenant-admin')
@Controller('v1/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @ApiOperation({
    summary: 'The figures behind /dashboard',
    description:
      'Totals, spend per day, model and user, latency percentiles per day, cache hit rate, fallbacks, errors by type, groundedness, ' +
      'the most expensive requests, current alerts and (admins) the latest weekly review, over the last `days` UTC days. ' +
      'Tenant-admins see their tenant; admins every tenant unless they name one.',
  })
  @ApiQuery({ name: 'days', required: false, description: '1–90, default 14' })
  @ApiQuery({ name: 'tenant_id', required: false, description: 'admins: one tenant, or * for all (the default for admins)' })
  @ApiResponse({ status: 400, description: 'invalid days' })
  overview(@Query(new ZodBodyPipe(DashboardQuerySchema)) query: DashboardQueryInput, @CurrentAccessCaller() caller: AccessCaller) {
    return this.dashboard.overview(query, caller);
  }
}
