import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { InvalidCursorError } from '#libs/store';
import type { AccessCaller } from '../auth/access-caller.js';
import { CurrentAccessCaller } from '../auth/caller.decorator.js';
import { RequireRole } from '../auth/require-role.decorator.js';
import { problem, ProblemError } from '../problems/problem-error.js';
import { ZodBodyPipe } from '../validation/zod-body.pipe.js';
import { AlertsReader } from './alerts-reader.js';
import { traceScopeFor } from './trace-scope.js';

const AlertsQuerySchema = z.strictObject({
  limit: z.coerce.number({ error: 'limit must be a number from 1 to 200' }).int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(500).optional(),
  tenant_id: z.string().min(1).max(128).optional(),
});
type AlertsQuery = z.infer<typeof AlertsQuerySchema>;

@ApiTags('observability')
@ApiBearerAuth()
@RequireRole('tenant-admin')
@Controller('v1')
export class AlertsController {
  constructor(private readonly alerts: AlertsReader) {}

  @Get('alerts')
  @ApiOperation({
    summary: 'Alert states (firing first) and the notifications sent, newest first',
    description: 'Rules come from `observability.alerts` in the configuration and are evaluated by a Temporal Schedule. Tenant-admins see alerts about their tenant; admins see all.',
  })
  @ApiQuery({ name: 'limit', required: false, description: 'notifications per page, 1–200 (default 50)' })
  @ApiQuery({ name: 'cursor', required: false })
  @ApiQuery({ name: 'tenant_id', required: false, description: 'admins: one tenant, or * for all (default)' })
  async list(@Query(new ZodBodyPipe(AlertsQuerySchema)) query: AlertsQuery, @CurrentAccessCaller() caller: AccessCaller) {
    const scope = traceScopeFor(caller, query.tenant_id);
    try {
      const [states, events] = await Promise.all([this.alerts.current(scope), this.alerts.events(scope, query.limit, query.cursor)]);
      return { alerts: states, notifications: events.data, next_cursor: events.next_cursor };
    } catch (error) {
      if (InvalidCursorError.isInstance(error)) throw new ProblemError(problem('invalid-cursor', 400, 'Invalid Cursor', 'The cursor is not one this API returned; start again without it.'));
      throw error;
    }
  }

  @Get('reviews/latest')
  @RequireRole('admin')
  @ApiOperation({ summary: 'The latest weekly review (Markdown and ranked sections); needs an admin key', description: 'null until the first review has run.' })
  async latestReview(@CurrentAccessCaller() caller: AccessCaller) {
    return { review: await this.alerts.latestReview(traceScopeFor(caller, undefined)) };
  }
}
