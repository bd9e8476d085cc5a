import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller } from '#libs/contracts';

/** Request property the guard sets after a key checks out. */
export const CALLER_PROPERTY = 'ballastCaller';

/** Injects the authenticated caller (tenant, user, key) into a handler. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<Record<string, unknown>>();
  return request[CALLER_PROPERTY] as Caller;
});
