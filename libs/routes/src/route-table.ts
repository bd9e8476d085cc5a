import type { ChatMessage, RetrievalSettings, RoutePlan, RouteTarget, ValidationPolicy } from '#libs/contracts';
import type { ModelCatalog } from '#libs/models';
import { classifyRequest, extractRequestFeatures, type RoutingRules } from '#libs/routing';
import { UnknownModelError } from './unknown-model-error.js';

/** A configured chain, before catalog facts are attached. */
export interface RouteDefinition {
  readonly targets: ReadonlyArray<{ readonly provider: string; readonly model: string; readonly maxAttempts: number }>;
  /** Retrieval for requests naming no collections. */
  readonly retrieval?: {
    readonly collections: readonly string[];
    readonly topK: number;
    readonly hybrid: boolean;
    readonly diversity: number;
    readonly minScore?: number | undefined;
  };
  /** Answer validation of grounded answers; absent: `flag`. */
  readonly validation?: ValidationPolicy;
}

export interface RouteTableOptions {
  readonly routes: Readonly<Record<string, RouteDefinition>>;
  readonly rules: RoutingRules;
  readonly catalog: ModelCatalog;
  /** Providers configured, by name, with the catalog provider family each serves. */
  readonly providers: ReadonlyArray<{ readonly name: string; readonly kind: string }>;
  /** Attempts per target for a model named directly (not through a route). */
  readonly defaultMaxAttempts?: number;
}

/** A model the caller may name, as `GET /v1/models` lists it. */
export interface AvailableModel {
  readonly id: string;
  readonly kind: 'auto' | 'route' | 'model';
  readonly description: string;
}

/**
 * Turns what the caller asked for (`auto`, a route name, a model id) into an ordered chain of
 * targets with their context windows. Pure and fast: the API uses it to reject unknown models
 * before starting a workflow, the planning step to decide the route.
 */
export class RouteTable {
  constructor(private readonly options: RouteTableOptions) {}

  plan(request: { readonly model: string; readonly messages: readonly ChatMessage[]; readonly tierHint?: string }): RoutePlan {
    const features = extractRequestFeatures(request.messages, request.tierHint ? { tierHint: request.tierHint } : {});
    const estimatedInputTokens = features.totalTokens;
    if (request.model === 'auto') {
      const decision = classifyRequest(features, this.options.rules);
      return { route: decision.tier, reason: decision.reason, estimatedInputTokens, targets: this.targetsOf(decision.tier), ...this.retrievalOf(decision.tier), ...this.validationOf(decision.tier) };
    }
    if (this.options.routes[request.model]) {
      return {
        route: request.model,
        reason: `route '${request.model}' named by the caller`,
        estimatedInputTokens,
        targets: this.targetsOf(request.model),
        ...this.retrievalOf(request.model),
        ...this.validationOf(request.model),
      };
    }
    const direct = this.directTarget(request.model);
    if (direct) return { route: request.model, reason: `model '${request.model}' named by the caller`, estimatedInputTokens, targets: [direct] };
    throw new UnknownModelError(request.model, Object.keys(this.options.routes));
  }

  /** Throws UnknownModelError when `model` cannot be served. */
  assertKnown(model: string): void {
    if (model === 'auto' || this.options.routes[model] || this.directTarget(model)) return;
    throw new UnknownModelError(model, Object.keys(this.options.routes));
  }

  available(): AvailableModel[] {
    const routes = Object.entries(this.options.routes).map(([id, route]): AvailableModel => ({
      id,
      kind: 'route',
      description: route.targets.map((target) => `${target.provider}/${target.model}`).join(' → '),
    }));
    const models = this.options.catalog
      .list()
      .filter((entry) => this.providerFor(entry.provider) !== undefined)
      .map((entry): AvailableModel => ({ id: entry.id, kind: 'model', description: `${entry.provider}, ${entry.contextWindow} token window` }));
    return [{ id: 'auto', kind: 'auto', description: `classifier picks a tier: ${this.options.rules.tiers.join(', ')}` }, ...routes, ...models];
  }

  private validationOf(routeName: string): { validation?: ValidationPolicy } {
    const validation = this.options.routes[routeName]?.validation;
    return validation === undefined ? {} : { validation };
  }

  private retrievalOf(routeName: string): { retrieval?: RetrievalSettings } {
    const retrieval = this.options.routes[routeName]?.retrieval;
    if (retrieval === undefined) return {};
    return {
      retrieval: {
        collections: retrieval.collections,
        topK: retrieval.topK,
        hybrid: retrieval.hybrid,
        ...(retrieval.diversity > 0 ? { mmrLambda: retrieval.diversity } : {}),
        ...(retrieval.minScore !== undefined ? { minScore: retrieval.minScore } : {}),
      },
    };
  }

  private targetsOf(routeName: string): RouteTarget[] {
    const route = this.options.routes[routeName];
    if (!route) throw new UnknownModelError(routeName, Object.keys(this.options.routes));
    return route.targets.map((target) => ({ ...target, contextWindow: this.options.catalog.get(target.model).contextWindow }));
  }

  private directTarget(model: string): RouteTarget | undefined {
    const entry = this.options.catalog.find(model);
    if (!entry) return undefined;
    const provider = this.providerFor(entry.provider);
    if (!provider) return undefined;
    return { provider: provider.name, model: entry.id, maxAttempts: this.options.defaultMaxAttempts ?? 3, contextWindow: entry.contextWindow };
  }

  /** A configured provider serving a catalog family: same name first, then same kind. */
  private providerFor(family: string) {
    return this.options.providers.find((provider) => provider.name === family) ?? this.options.providers.find((provider) => provider.kind === family);
  }
}
