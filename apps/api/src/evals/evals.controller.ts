import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { AccessCaller } from '../auth/access-caller.js';
import { CurrentAccessCaller } from '../auth/caller.decorator.js';
import { RequireRole } from '../auth/require-role.decorator.js';
import { AppSettings } from '../app-settings.js';
import { ZodBodyPipe } from '../validation/zod-body.pipe.js';
import { openApiSchema } from '../validation/zod-openapi.js';
import { CreateEvalRequestSchema, EvalQuerySchema, ListEvalsQuerySchema, YAML_CONTENT_TYPES } from './create-eval.dto.js';
import { EvalsService } from './evals.service.js';
import { resolveBaseline, resolveSuite } from './resolve-suite.js';

@ApiTags('evals')
@ApiBearerAuth()
@RequireRole('tenant-admin')
@Controller('v1/evals')
export class EvalsController {
  constructor(
    private readonly evals: EvalsService,
    private readonly settings: AppSettings,
  ) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Run a golden-query suite through the pipeline',
    description:
      'Send the suite as JSON (`suite`), as YAML text (`suite_yaml`, or the file itself with `Content-Type: application/yaml`, options then as ' +
      'query parameters) or name a suite the server offers (`suite_path`, from `eval.suitePaths`). Each query runs as a chat workflow; ' +
      'the run is `evalWorkflow` `eval-<id>`. Poll `GET /v1/evals/{id}` until `status` is `completed`. Needs a tenant-admin or admin key.',
  })
  @ApiConsumes('application/json', ...YAML_CONTENT_TYPES)
  @ApiBody({ schema: openApiSchema(CreateEvalRequestSchema) })
  @ApiQuery({ name: 'model', required: false, description: "with a YAML body: replaces every query's model or route" })
  @ApiQuery({ name: 'tenant_id', required: false, description: 'with a YAML body: admins, the tenant to run as' })
  @ApiResponse({ status: 202, description: 'the eval run (status running)' })
  @ApiResponse({ status: 400, description: 'an invalid suite (problem+json with `issues`: path, line, message), baseline, model, or a collection the tenant lacks' })
  @ApiResponse({ status: 404, description: 'suite_path is not one of eval.suitePaths' })
  async create(@Body() body: unknown, @Headers('content-type') contentType: string | undefined, @Query() query: Record<string, unknown>, @CurrentAccessCaller() caller: AccessCaller) {
    const allowed = this.settings.config.eval.suitePaths;
    if (typeof body === 'string' || isYaml(contentType)) {
      const options = new ZodBodyPipe(EvalQuerySchema).transform(query);
      const suite = await resolveSuite({ yaml: typeof body === 'string' ? body : '' }, allowed);
      return this.evals.create({ suite, ...(options.model ? { model: options.model } : {}), ...(options.tenant_id ? { tenantId: options.tenant_id } : {}) }, caller);
    }
    const request = new ZodBodyPipe(CreateEvalRequestSchema).transform(body);
    const source = request.suite !== undefined ? { json: request.suite } : request.suite_yaml !== undefined ? { yaml: request.suite_yaml } : { path: request.suite_path ?? '' };
    const loaded = await resolveSuite(source, allowed);
    const suite = request.thresholds === undefined ? loaded : { ...loaded, thresholds: { ...loaded.thresholds, ...request.thresholds } };
    const baseline = resolveBaseline(request.baseline);
    return this.evals.create(
      { suite, ...(baseline ? { baseline } : {}), ...(request.model ? { model: request.model } : {}), ...(request.tenant_id ? { tenantId: request.tenant_id } : {}) },
      caller,
    );
  }

  @Get()
  @ApiOperation({ summary: 'Eval runs, newest first, with their pass rate, groundedness, cost and gate (no reports)' })
  @ApiQuery({ name: 'limit', required: false, description: '1–100 (default 20)' })
  @ApiQuery({ name: 'after', required: false, description: '`next_cursor` of the previous page' })
  @ApiQuery({ name: 'suite', required: false, description: 'only runs of this suite' })
  @ApiQuery({ name: 'tenant_id', required: false, description: 'admins: one tenant, or * for all (default)' })
  @ApiResponse({ status: 200, description: 'a list of eval runs' })
  list(@Query() query: Record<string, unknown>, @CurrentAccessCaller() caller: AccessCaller) {
    const options = new ZodBodyPipe(ListEvalsQuerySchema).transform(query);
    return this.evals.list(caller, { limit: options.limit, ...(options.after ? { after: options.after } : {}), ...(options.suite ? { suite: options.suite } : {}), ...(options.tenant_id ? { tenantId: options.tenant_id } : {}) });
  }

  @Get(':id')
  @ApiOperation({ summary: 'An eval run: status, summary, gate and its JSON report, with the Markdown and HTML reports' })
  @ApiParam({ name: 'id', description: 'eval run id (32 hex digits)' })
  @ApiQuery({ name: 'tenant_id', required: false, description: "admins: the run's tenant (default: any)" })
  @ApiResponse({ status: 200, description: 'the eval run with `summary`, `report`, `report_markdown`, `report_html`' })
  @ApiResponse({ status: 404, description: 'no such run for this tenant' })
  get(@Param('id') id: string, @Query('tenant_id') tenantId: string | undefined, @CurrentAccessCaller() caller: AccessCaller) {
    return this.evals.get(id, caller, tenantId);
  }
}

function isYaml(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type !== undefined && YAML_CONTENT_TYPES.includes(type);
}
