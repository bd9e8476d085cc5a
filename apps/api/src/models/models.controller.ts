import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RouteTable } from '#libs/routes';

@ApiTags('models')
@ApiBearerAuth()
@Controller('v1/models')
export class ModelsController {
  constructor(private readonly routes: RouteTable) {}

  @Get()
  @ApiOperation({ summary: 'Models, routes and `auto` that chat completions accept (OpenAI list format)' })
  list() {
    return {
      object: 'list' as const,
      data: this.routes.available().map((model) => ({
        id: model.id,
        object: 'model' as const,
        created: 0,
        owned_by: 'ballast',
        ballast: { kind: model.kind, description: model.description },
      })),
    };
  }
}
