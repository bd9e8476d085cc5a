import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { Public } from '../auth/public.decorator.js';
import { problem, ProblemError } from '../problems/problem-error.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly client: Client) {}

  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: Temporal answers (503 problem+json when it does not)' })
  async ready() {
    try {
      await this.client.workflowService.getSystemInfo({});
      return { status: 'ready', temporal: 'ok' };
    } catch (error) {
      throw new ProblemError(problem('not-ready', 503, 'Not Ready', `Temporal is unreachable: ${(error as Error).message}`));
    }
  }
}
