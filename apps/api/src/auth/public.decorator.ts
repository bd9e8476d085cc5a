import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'ballast:public-route';

/** Marks a route that needs no API key (health probes, the OpenAPI document). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
