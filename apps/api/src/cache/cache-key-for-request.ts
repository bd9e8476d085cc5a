import type { CacheKeyInput, CollectionVersion } from '#libs/cache';
import type { ChatRequest, RetrievalSettings, RoutePlan } from '#libs/contracts';

/**
 * What the cache keys a chat request on. The route is the one the router resolves to (for
 * `auto`, the tier the classifier picks, written `auto>simple`, so a tier hint that changes the
 * tier changes the key); the model is the route's chain of provider models. Messages and every
 * generation setting go in as the workflow receives them. Retrieval is the request's own or the
 * route's default, with each collection's current version. The end user (`user`) and `metadata`
 * are left out: they do not reach the prompt, so answers are shared within a tenant.
 */
export function cacheKeyForRequest(request: ChatRequest, plan: RoutePlan, collections: readonly CollectionVersion[]): CacheKeyInput {
  const retrieval = retrievalOf(request, plan);
  return {
    tenantId: request.caller.tenantId,
    route: request.model === plan.route ? plan.route : `${request.model}>${plan.route}`,
    model: plan.targets.map((target) => `${target.provider}/${target.model}`).join('>'),
    messages: request.messages,
    settings: request.settings,
    ...(collections.length > 0 ? { collections } : {}),
    ...(retrieval
      ? {
          retrieval: {
            topK: retrieval.topK,
            hybrid: retrieval.hybrid,
            ...(retrieval.mmrLambda !== undefined ? { mmrLambda: retrieval.mmrLambda } : {}),
            ...(retrieval.minScore !== undefined ? { minScore: retrieval.minScore } : {}),
          },
        }
      : {}),
  };
}

/** Retrieval the workflow will run: the request's own, else the route's default. */
export function retrievalOf(request: ChatRequest, plan: RoutePlan): RetrievalSettings | undefined {
  return request.retrieval ?? plan.retrieval;
}
