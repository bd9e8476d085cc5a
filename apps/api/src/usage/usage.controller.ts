import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { USAGE_GROUP_BYS } from '#libs/store';
import type { AccessCaller } from '../auth/access-caller.js';
import { CurrentAccessCaller } from '../auth/caller.decorator.js';
import { RequireRole } from '../auth/require-role.decorator.js';
import { ZodBodyPipe } from '../validation/zod-body.pipe.js';
import { UsageQuerySchema, type UsageQueryInput } from './usage-query.dto.js';
import { UsageService } from './usage.service.js';

@ApiTags('usage')
@ApiBearerAuth()
@RequireRole('tenant-admin')
@Controller('v1/usage')
export class UsageController {
  constructor(private readonly usage: UsageService) {}

  @Get()
  @ApiOperation({
    summary: "Spend and tokens of the caller's tenant, grouped by user, key, model or UTC day",
    description: 'Counts settled requests in [from, to). Tokens a provider did not report are null, not 0. Needs a tenant-admin or admin key.',
  })
  @ApiQuery({ name: 'group_by', required: false, enum: [...USAGE_GROUP_BYS], description: 'default day' })
  @ApiQuery({ name: 'from', required: false, description: 'inclusive; 2031-01-01 or an ISO-8601 date-time. Default: start of this UTC month' })
  @ApiQuery({ name: 'to', required: false, description: 'exclusive. Default: start of tomorrow (UTC); at most 366 days after from' })
  @ApiQuery({ name: 'tenant_id', required: false, description: "admins only: any tenant, or * for all. Default the caller's" })
  @ApiResponse({ status: 400, description: 'invalid group_by, from or to (each named)' })
  @ApiResponse({ status: 404, description: 'a tenant-admin named another tenant' })
  report(@Query(new ZodBodyPipe(UsageQuerySchema)) query: UsageQueryInput, @CurrentAccessCaller() caller: AccessCaller) {
    return this.usage.report(query, caller);
  }
}
