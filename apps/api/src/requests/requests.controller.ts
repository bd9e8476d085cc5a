import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Caller } from '#libs/contracts';
import { CurrentCaller } from '../auth/caller.decorator.js';
import { RequestsService } from './requests.service.js';

@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests')
export class RequestsController {
  constructor(private readonly requests: RequestsService) {}

  @Get(':id')
  @ApiOperation({ summary: 'Status of a request: each step with timing and attempts, the result or a precise error' })
  @ApiParam({ name: 'id', description: 'request id from `ballast.request_id` or the x-ballast-request-id header' })
  @ApiResponse({ status: 200, description: 'request status' })
  @ApiResponse({ status: 404, description: 'no such request for this tenant' })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.requests.get(id, caller);
  }
}
