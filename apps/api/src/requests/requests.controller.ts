import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Caller } from '#libs/contracts';
import type { AccessCaller } from '../auth/access-caller.js';
import { CurrentAccessCaller, CurrentCaller } from '../auth/caller.decorator.js';
import { ModelCalling } from '../rate-limit/model-calling.decorator.js';
import { openApiSchema } from '../validation/zod-openapi.js';
import { ZodBodyPipe } from '../validation/zod-body.pipe.js';
import { ListRequestsQuerySchema, REQUEST_STATUSES } from './list-requests-query.dto.js';
import { ListRequestsService } from './list-requests.service.js';
import { ReplayRequestSchema, ResetRequestSchema } from './replay-request.dto.js';
import { ReplayRequestService } from './replay-request.service.js';
import { RequestsService } from './requests.service.js';
import { ResetRequestService } from './reset-request.service.js';

const ID_PARAM = { name: 'id', description: 'request id from `ballast.request_id` or the x-ballast-request-id header' } as const;

@ApiTags('requests')
@ApiBearerAuth()
@Controller('v1/requests')
export class RequestsController {
  constructor(
    private readonly requests: RequestsService,
    private readonly listing: ListRequestsService,
    private readonly replays: ReplayRequestService,
    private readonly resets: ResetRequestService,
  ) {}

  @Get()
  @ApiOperation({
    summary: "This tenant's chat requests from Temporal visibility, newest first",
    description: 'Filters combine with AND. Visibility is eventually consistent: a request that just ended may show its previous status for a moment.',
  })
  @ApiQuery({ name: 'status', required: false, description: `one or several, comma-separated: ${Object.keys(REQUEST_STATUSES).join(', ')}` })
  @ApiQuery({ name: 'since', required: false, description: 'started at or after: a date (2031-01-31) or an ISO-8601 date-time with a zone' })
  @ApiQuery({ name: 'until', required: false, description: 'started before' })
  @ApiQuery({ name: 'route', required: false, description: 'route taken (`simple`, `complex`, …)' })
  @ApiQuery({ name: 'model', required: false, description: '`provider/model` that answered, or the model asked for while unanswered' })
  @ApiQuery({ name: 'user', required: false, description: 'end user (`user` of the request) or the key’s user' })
  @ApiQuery({ name: 'limit', required: false, description: '1–100 (default 20)' })
  @ApiQuery({ name: 'cursor', required: false, description: '`next_cursor` of the previous page, with the same filters' })
  @ApiQuery({ name: 'tenant_id', required: false, description: "admins only: another tenant. Default the caller's" })
  @ApiResponse({ status: 200, description: '`{ object: "list", data: [{ id, status, started_at, closed_at, route, model, user, replay_of, temporal_ui_url, … }], has_more, next_cursor }`' })
  @ApiResponse({ status: 400, description: 'invalid parameter (problem+json naming it)' })
  list(@Query() query: Record<string, unknown>, @CurrentAccessCaller() caller: AccessCaller) {
    return this.listing.list(new ZodBodyPipe(ListRequestsQuerySchema).transform(query), caller);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status of a request: each step with timing and attempts, the result or a precise error' })
  @ApiParam(ID_PARAM)
  @ApiResponse({ status: 200, description: 'request status' })
  @ApiResponse({ status: 404, description: 'no such request for this tenant' })
  get(@Param('id') id: string, @CurrentCaller() caller: Caller) {
    return this.requests.get(id, caller);
  }

  @Post(':id/replay')
  @HttpCode(202)
  @ModelCalling()
  @ApiOperation({
    summary: 'Re-run a request with its original input as a new request, optionally on another route or model',
    description: 'Reads the input from the start event of the original workflow, starts a new chat workflow (new request id, linked by `replay_of` and the `BallastReplayOf` search attribute) and answers at once; poll `status_url`. Budgets apply as to any request.',
  })
  @ApiParam(ID_PARAM)
  @ApiBody({ required: false, schema: openApiSchema(ReplayRequestSchema) })
  @ApiResponse({ status: 202, description: '`{ id, workflow_id, run_id, replay_of, model, status_url, temporal_ui_url }`' })
  @ApiResponse({ status: 404, description: 'no such request for this tenant, or unknown route/model' })
  replay(@Param('id') id: string, @Body() body: unknown, @CurrentAccessCaller() caller: AccessCaller) {
    return this.replays.replay(id, new ZodBodyPipe(ReplayRequestSchema).transform(body ?? {}), caller);
  }

  @Post(':id/reset')
  @HttpCode(200)
  @ModelCalling()
  @ApiOperation({
    summary: "Reset a failed or running request's workflow to its last good step (Temporal reset)",
    description: 'A new run of the same workflow keeps the history up to the workflow task that scheduled the first failed step (`to: first-step`: the first task) and re-runs from there.',
  })
  @ApiParam(ID_PARAM)
  @ApiBody({ required: false, schema: openApiSchema(ResetRequestSchema) })
  @ApiResponse({ status: 200, description: '`{ id, workflow_id, previous_run_id, run_id, reset_to_event_id, reset_to, status_url, temporal_ui_url }`' })
  @ApiResponse({ status: 404, description: 'no such request for this tenant' })
  @ApiResponse({ status: 409, description: 'nothing to reset: the request completed, or no step failed' })
  reset(@Param('id') id: string, @Body() body: unknown, @CurrentAccessCaller() caller: AccessCaller) {
    return this.resets.reset(id, new ZodBodyPipe(ResetRequestSchema).transform(body ?? {}), caller);
  }
}
