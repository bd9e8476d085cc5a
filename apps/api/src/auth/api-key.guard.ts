import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { problem, ProblemError } from '../problems/problem-error.js';
import { ApiKeyStore } from './api-key-store.js';
import { CALLER_PROPERTY } from './caller.decorator.js';
import { PUBLIC_ROUTE } from './public.decorator.js';

/** Every route needs `Authorization: Bearer <key>` (or `x-api-key`) unless marked @Public(). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyStore,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [context.getHandler(), context.getClass()])) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & Record<string, unknown>>();
    const presented = presentedKey(request.headers);
    if (!presented) {
      throw new ProblemError(problem('missing-api-key', 401, 'Unauthorized', 'Send your API key as `Authorization: Bearer <key>` or `x-api-key: <key>`.'), {
        'www-authenticate': 'Bearer',
      });
    }
    const caller = this.keys.authenticate(presented);
    if (!caller) {
      throw new ProblemError(problem('invalid-api-key', 401, 'Unauthorized', 'The API key is not valid. Check for typos or ask an admin for a key.'), {
        'www-authenticate': 'Bearer error="invalid_token"',
      });
    }
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
