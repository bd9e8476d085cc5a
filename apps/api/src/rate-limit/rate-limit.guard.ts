import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { estimateChatTokens } from '#libs/access';
import { perMinuteRules, rateLimitHeaders } from '#libs/limits';
import { AppSettings } from '../app-settings.js';
import { accessCallerOf } from '../auth/caller.decorator.js';
import { RequestMetrics } from '../observability/request-metrics.js';
import { RagRuntimeRef } from '../rag-runtime-ref.js';
import { keyRateLimitBucket, keyRateLimits } from './key-rate-limits.js';
import { MODEL_CALLING_ROUTE, MODEL_CALLING_ROUTES } from './model-calling.decorator.js';
import { rateLimitExceeded } from './rate-limit-problems.js';

/**
 * Per-key RPM and TPM on model-calling routes, after authentication (it is registered after
 * ApiKeyGuard). Each request takes 1 request and its estimated tokens from the key's bucket, all
 * or nothing; a refusal is a 429 with Retry-After, and every answer carries `x-ratelimit-*`.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly settings: AppSettings,
    private readonly rag: RagRuntimeRef,
    private readonly metrics: RequestMetrics,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & Record<string, unknown>>();
    const caller = accessCallerOf(request);
    if (caller === undefined || !this.isModelCalling(context, request)) return true;
    const limits = keyRateLimits(caller, this.settings.config.rateLimits.perKey);
    const rules = perMinuteRules(limits, limits.tpm === undefined ? 0 : estimateChatTokens(request.body));
    if (rules.length === 0) return true;
    const decision = await this.rag.runtime.rateLimiter.take({ bucket: keyRateLimitBucket(caller), rules });
    if (!decision.allowed) {
      this.metrics.observeRateLimited('key');
      throw rateLimitExceeded(decision, rules);
    }
    void http.getResponse<FastifyReply>().headers(rateLimitHeaders(decision));
    return true;
  }

  private isModelCalling(context: ExecutionContext, request: FastifyRequest): boolean {
    if (this.reflector.getAllAndOverride<boolean>(MODEL_CALLING_ROUTE, [context.getHandler(), context.getClass()])) return true;
    return MODEL_CALLING_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`);
  }
}
