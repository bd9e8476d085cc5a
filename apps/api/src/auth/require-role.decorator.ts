import { SetMetadata } from '@nestjs/common';
import type { ApiKeyRole } from '#libs/store';

export const REQUIRED_ROLE = 'ballast:required-role';

/** The least role a route needs (default `user`: any valid key); weaker keys get 403. */
export const RequireRole = (role: ApiKeyRole) => SetMetadata(REQUIRED_ROLE, role);
