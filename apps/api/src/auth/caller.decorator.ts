import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller } from '#libs/contracts';
import type { AccessCaller } from './access-caller.js';

/** Request property the guard sets after a key checks out. */
export const CALLER_PROPERTY = 'ballastCaller';

/** The caller the guard put on `request`, or undefined on a public route. */
export function accessCallerOf(request: Record<string, unknown>): AccessCaller | undefined {
  return request[CALLER_PROPERTY] as AccessCaller | undefined;
}

/** Injects the authenticated caller (tenant, user, key) into a handler. */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const request = context.switchToHttp().getRequest<Record<string, unknown>>();
  return request[CALLER_PROPERTY] as Caller;
});

/** Injects the authenticated caller with its role, key budgets and limits. */
export const CurrentAccessCaller = createParamDecorator((_data: unknown, context: ExecutionContext): AccessCaller => {
  const request = context.switchToHttp().getRequest<Record<string, unknown>>();
  return request[CALLER_PROPERTY] as AccessCaller;
});
