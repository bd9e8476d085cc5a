import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { projectRoot } from '#libs/project';

/** Where the dashboard's static page lives (served from the sources: it needs no build step). */
export function dashboardAssetsDirectory(): string {
  return join(projectRoot(), 'apps', 'api', 'src', 'dashboard', 'public');
}

/**
 * Serves the dashboard page at `/dashboard/` (and redirects `/dashboard` there: @fastify/static
 * redirects only for a prefix without the trailing slash). The page is
 * static code without data: it asks for an API key and reads everything from the authenticated
 * JSON endpoints (`/v1/dashboard`, `/v1/traces`), so no figure is ever served without a key.
 */
export function serveDashboard(app: NestFastifyApplication): void {
  app.useStaticAssets({ root: dashboardAssetsDirectory(), prefix: '/dashboard', redirect: true, index: ['index.html'], decorateReply: false });
}
