import type { RouteStreamingConfig } from '#libs/config';

/** How one streaming request behaves (route option `streaming`, README: Streaming). */
export interface StreamPolicy {
  /** `after`: text streams as it comes; `buffer`: text is held until the workflow validated the answer. */
  readonly validation: 'after' | 'buffer';
  /** `complete`: a client that leaves does not stop the workflow; `cancel`: the workflow is cancelled. */
  readonly onDisconnect: 'complete' | 'cancel';
  /** The route the policy was read from; absent for a catalog model named directly (defaults). */
  readonly route?: string;
}

/** Today's behaviour: stream as it comes, run to the end. */
export const DEFAULT_STREAM_POLICY: StreamPolicy = { validation: 'after', onDisconnect: 'complete' };

/**
 * The streaming policy of `route` (the route the request will run on), defaults filled in. A
 * catalog model named directly has no route, hence the defaults.
 */
export function streamPolicyOf(routes: Readonly<Record<string, { readonly streaming?: Partial<RouteStreamingConfig> | undefined }>>, route: string | undefined): StreamPolicy {
  if (route === undefined) return DEFAULT_STREAM_POLICY;
  const configured = routes[route]?.streaming;
  if (configured === undefined) return routes[route] ? { ...DEFAULT_STREAM_POLICY, route } : DEFAULT_STREAM_POLICY;
  return {
    validation: configured.validation ?? DEFAULT_STREAM_POLICY.validation,
    onDisconnect: configured.onDisconnect ?? DEFAULT_STREAM_POLICY.onDisconnect,
    route,
  };
}

/** The policy as the final event reports it (`ballast.streaming`). */
export function wireStreamPolicy(policy: StreamPolicy) {
  return { validation: policy.validation, on_disconnect: policy.onDisconnect };
}
