import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { TraceRecord } from '#libs/store';

// Seconds: from a cache hit (~1 ms) to a slow model (60 s+).
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120];

/**
 * Prometheus metrics of the API process (`GET /metrics`): every chat request is observed once,
 * from its trace, so the metrics and the trace store never disagree. Labels are bounded: route,
 * provider, model and tenant come from configuration and keys, never from request text.
 */
export class RequestMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<'route' | 'provider' | 'model' | 'status'>;
  private readonly duration: Histogram<'route' | 'status'>;
  private readonly timeToFirstToken: Histogram<'route'>;
  private readonly tokens: Counter<'route' | 'model' | 'kind'>;
  private readonly cost: Counter<'route' | 'model' | 'tenant'>;
  private readonly cacheLookups: Counter<'route' | 'result'>;
  private readonly fallbacks: Counter<'route'>;
  private readonly retries: Counter<'route'>;
  private readonly errors: Counter<'route' | 'type'>;
  private readonly budgetRejections: Counter<'tenant'>;
  private readonly rateLimited: Counter<'scope'>;
  readonly tracesDropped: Counter;
  readonly tracesWritten: Counter;
  readonly traceQueueDepth: Gauge;
  readonly traceFlushSeconds: Histogram;

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'ballast_process_' });
    const registers = [this.registry];
    this.requests = new Counter({ name: 'ballast_requests_total', help: 'Chat requests by outcome (ok, error, cache-hit, rejected)', labelNames: ['route', 'provider', 'model', 'status'], registers });
    this.duration = new Histogram({ name: 'ballast_request_duration_seconds', help: 'Chat request latency as the API saw it', labelNames: ['route', 'status'], buckets: LATENCY_BUCKETS, registers });
    this.timeToFirstToken = new Histogram({ name: 'ballast_time_to_first_token_seconds', help: 'Time to the first answer token (streamed requests)', labelNames: ['route'], buckets: LATENCY_BUCKETS, registers });
    this.tokens = new Counter({ name: 'ballast_tokens_total', help: 'Tokens billed by providers (kind: input, output, cached)', labelNames: ['route', 'model', 'kind'], registers });
    this.cost = new Counter({ name: 'ballast_cost_usd_total', help: 'Provider spend in US dollars', labelNames: ['route', 'model', 'tenant'], registers });
    this.cacheLookups = new Counter({ name: 'ballast_cache_requests_total', help: 'Requests by response-cache result (hit-exact, hit-semantic, miss, bypass, off)', labelNames: ['route', 'result'], registers });
    this.fallbacks = new Counter({ name: 'ballast_fallbacks_total', help: 'Targets tried after the first', labelNames: ['route'], registers });
    this.retries = new Counter({ name: 'ballast_retries_total', help: 'Attempts beyond the first on the same target', labelNames: ['route'], registers });
    this.errors = new Counter({ name: 'ballast_errors_total', help: 'Failed or refused requests by error type', labelNames: ['route', 'type'], registers });
    this.budgetRejections = new Counter({ name: 'ballast_budget_rejections_total', help: 'Requests refused by a spending cap (402)', labelNames: ['tenant'], registers });
    this.rateLimited = new Counter({ name: 'ballast_rate_limited_total', help: 'Requests refused by a per-key rate limit (429)', labelNames: ['scope'], registers });
    this.tracesDropped = new Counter({ name: 'ballast_traces_dropped_total', help: 'Traces dropped because the write queue was full or the store refused them', registers });
    this.tracesWritten = new Counter({ name: 'ballast_traces_written_total', help: 'Traces written to the store', registers });
    this.traceQueueDepth = new Gauge({ name: 'ballast_trace_queue_depth', help: 'Traces waiting to be written', registers });
    this.traceFlushSeconds = new Histogram({ name: 'ballast_trace_flush_seconds', help: 'Time to write one batch of traces', buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5], registers });
  }

  /** Counts one finished chat request (a trace or its draft: only the counted facts are read). */
  observe(trace: Omit<TraceRecord, 'prompt' | 'response' | 'promptHash' | 'responseHash' | 'redactions' | 'contentMode'>): void {
    const model = trace.model ?? trace.requestedModel;
    const route = trace.route;
    this.requests.inc({ route, provider: trace.provider ?? 'none', model, status: trace.status });
    this.duration.observe({ route, status: trace.status }, trace.latencyMs / 1000);
    if (trace.ttftMs !== undefined) this.timeToFirstToken.observe({ route }, trace.ttftMs / 1000);
    if (trace.status === 'ok') {
      this.tokens.inc({ route, model, kind: 'input' }, trace.inputTokens);
      this.tokens.inc({ route, model, kind: 'output' }, trace.outputTokens);
      this.tokens.inc({ route, model, kind: 'cached' }, trace.cachedTokens);
    }
    if (trace.costUsd > 0) this.cost.inc({ route, model, tenant: trace.tenantId }, trace.costUsd);
    this.cacheLookups.inc({ route, result: trace.cacheStatus });
    if (trace.fallbacks > 0) this.fallbacks.inc({ route }, trace.fallbacks);
    if (trace.retries > 0) this.retries.inc({ route }, trace.retries);
    if (trace.status === 'error' || trace.status === 'rejected') this.errors.inc({ route, type: trace.errorType ?? 'unknown' });
    if (trace.errorType === 'budget-exceeded') this.budgetRejections.inc({ tenant: trace.tenantId });
  }

  /** Counts a request a rate limit refused before it became a chat request (`key`: the per-key RPM/TPM). */
  observeRateLimited(scope: 'key'): void {
    this.rateLimited.inc({ scope });
  }

  /** The exposition text for a scrape. */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
