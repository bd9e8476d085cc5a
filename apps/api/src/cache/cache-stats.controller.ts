import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Caller } from '#libs/contracts';
import { CurrentCaller } from '../auth/caller.decorator.js';
import { ChatCache } from './chat-cache.js';

@ApiTags('cache')
@ApiBearerAuth()
@Controller('v1/cache')
export class CacheStatsController {
  constructor(private readonly cache: ChatCache) {}

  @Get('stats')
  @ApiOperation({
    summary: "Response-cache outcomes of the caller's tenant in this API process",
    description:
      'Hits (exact and semantic), misses, joins of identical requests in flight, bypasses by reason, admissions, invalidations, ' +
      'hit rate (hits over lookups) and the provider tokens and dollars the hits and joins saved. Counted since the process started; ' +
      'each API replica counts its own.',
  })
  @ApiResponse({ status: 200, description: 'the counters, snake_case' })
  @ApiResponse({ status: 401, description: 'missing or invalid API key' })
  stats(@CurrentCaller() caller: Caller) {
    return this.cache.stats.report(caller.tenantId);
  }
}
