import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { ApiKeyRole } from '#libs/store';
import { ApiKeyAuthenticator } from './api-key-authenticator.js';
import { insufficientRole, missingApiKey } from './auth-problems.js';
import { CALLER_PROPERTY } from './caller.decorator.js';
import { PUBLIC_ROUTE } from './public.decorator.js';
import { REQUIRED_ROLE } from './require-role.decorator.js';
import { roleAtLeast } from './role-rank.js';

/**
 * Every route needs `Authorization: Bearer <key>` (or `x-api-key`) unless marked @Public(),
 * and at least the role its @RequireRole() names. Missing, unknown and revoked keys get 401,
 * too weak a role 403.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: ApiKeyAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & Record<string, unknown>>();
    const presented = presentedKey(request.headers);
    if (!presented) throw missingApiKey();
    const caller = await this.authenticator.authenticate(presented);
    const required = this.reflector.getAllAndOverride<ApiKeyRole | undefined>(REQUIRED_ROLE, targets) ?? 'user';
    if (!roleAtLeast(caller.role, required)) throw insufficientRole(caller.role, required);
    request[CALLER_PROPERTY] = caller;
    return true;
  }
}

function presentedKey(headers: FastifyRequest['headers']): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === 'string' && /^bearer\s+/i.test(authorization)) return authorization.replace(/^bearer\s+/i, '').trim() || undefined;
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' && apiKey ? apiKey : undefined;
}
