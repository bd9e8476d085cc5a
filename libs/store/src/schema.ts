import type { ColumnType, Generated } from 'kysely';
import type { DocumentStatus, SupportedMediaType } from '#libs/contracts';
import type { ApiKeyRole } from './api-keys/api-key-role.js';
import type { BatchLineStatus } from './batches/batch-line-record.js';
import type { BatchProviderJobStatus } from './batches/batch-provider-job-record.js';
import type { BatchMode, BatchStatus } from './batches/batch-record.js';
import type { ReservationStatus } from './ledger/reservation-status.js';

/**
 * Tables as Kysely sees them (snake_case, as stored). Columns the database fills itself
 * (SQLite's `seq` rowid alias, Postgres's generated `text_search`) are left out: only raw
 * search SQL touches them. Timestamps are ISO-8601 UTC strings in both dialects, so they
 * compare and sort the same way everywhere.
 */
export interface StoreSchema {
  collections: CollectionsTable;
  documents: DocumentsTable;
  chunks: ChunksTable;
  api_keys: ApiKeysTable;
  spend_counters: SpendCountersTable;
  spend_reservations: SpendReservationsTable;
  usage_events: UsageEventsTable;
  rate_limit_state: RateLimitStateTable;
  rate_limit_throttles: RateLimitThrottlesTable;
  conversation_summaries: ConversationSummariesTable;
  cache_entries: CacheEntriesTable;
  traces: TracesTable;
  trace_contents: TraceContentsTable;
  alert_states: AlertStatesTable;
  alert_events: AlertEventsTable;
  reviews: ReviewsTable;
  batches: BatchesTable;
  batch_lines: BatchLinesTable;
  batch_provider_jobs: BatchProviderJobsTable;
}

/** A response-cache entry of one route. */
export interface CacheEntriesTable {
  route: string;
  id: string;
  tenant_id: string;
  exact_key: string;
  namespace: string | null;
  question: string;
  /** The cached response, JSON. */
  answer: string;
  /** JSON array of the document ids the answer cites. */
  source_document_ids: string;
  /** The question's embedding, base64 float32 (semantic entries). */
  vector: string | null;
  created_at: string;
  expires_at: string;
}

/** A rolling summary of the first `covered_messages` turns of a conversation. */
export interface ConversationSummariesTable {
  tenant_id: string;
  conversation_key: string;
  covered_messages: number;
  /** Hash of the covered turns: a summary is reused only for exactly these turns. */
  covered_hash: string;
  summary: string;
  tokens: number;
  created_at: string;
}

/** A tenant's named set of documents embedded with one model. */
export interface CollectionsTable {
  id: string;
  tenant_id: string;
  name: string;
  embedding_model: string;
  dimensions: number;
  /** `ChunkingSettings` as JSON text. */
  chunking: string;
  created_at: string;
}

/** One document; its rows of `chunks` exist per version. */
export interface DocumentsTable {
  id: string;
  tenant_id: string;
  collection_id: string;
  title: string;
  media_type: SupportedMediaType;
  source_name: string | null;
  content_hash: string | null;
  /** Highest version begun; 0 before the first upload's version is begun. */
  latest_version: number;
  /** Version readers see; null until a version has been activated. */
  active_version: number | null;
  /** State of the latest version's ingestion (or of the document's deletion). */
  status: DocumentStatus;
  chunks_total: number;
  chunks_embedded: number;
  error: string | null;
  bytes: number;
  pages: number | null;
  created_at: string;
  updated_at: string;
}

/** One chunk of one version of a document. Rows never change after insert. */
export interface ChunksTable {
  id: string;
  tenant_id: string;
  collection_id: string;
  document_id: string;
  version: number;
  position: number;
  text: string;
  token_count: number;
  section: string | null;
  page: number | null;
  content_hash: string;
  /** What budgeting and compression need (token counts, analysis), made at ingestion by `profileChunk` of `#libs/context`; null for chunks stored before it (migration 0017). */
  token_profile: string | null;
}

/**
 * A 64-bit integer column (nano-dollars, counts): better-sqlite3 returns a number,
 * node-postgres a decimal string (int8 can exceed 2^53). Read it with `toSafeInteger`.
 */
export type Int8 = ColumnType<number | string, number | string, number | string>;

/** An API key; the secret itself is never stored, only its sha256. */
export interface ApiKeysTable {
  id: string;
  tenant_id: string;
  user_id: string | null;
  name: string;
  role: ApiKeyRole;
  /** Hex sha256 of the whole plaintext key; unique, the lookup path of every request. */
  secret_hash: string;
  /** The first characters of the plaintext (`sk-ballast-` and four more), safe to show. */
  prefix: string;
  last4: string;
  daily_budget_nanos: Int8 | null;
  monthly_budget_nanos: Int8 | null;
  rpm: number | null;
  tpm: number | null;
  created_at: string;
  /** When the key stops working; in the future during a rotation's grace period. */
  revoked_at: string | null;
  /** The key this one replaced by rotation. */
  rotated_from_id: string | null;
  /** Id of the first key of its rotation chain: budgets and rate limits count per lineage. */
  lineage_id: string;
}

/** Spent and reserved nano-dollars of one cap scope in one period (a UTC day or month). */
export interface SpendCountersTable {
  /** `CapScopeKind`, e.g. `tenant-day`. */
  scope: string;
  /** Whose spend: `*` (global), a tenant id, `tenant/user`, or a key id. */
  subject: string;
  /** `YYYY-MM-DD` for daily scopes, `YYYY-MM` for monthly ones (UTC). */
  period: string;
  spent_nanos: Int8;
  reserved_nanos: Int8;
  /** The limit the last reservation was checked against (null for a row only settles wrote). */
  limit_nanos: Int8 | null;
  updated_at: string;
}

/** One reservation per request attempt; holds its amount on every counter listed in `counters`. */
export interface SpendReservationsTable {
  /** With `attempt`, the primary key. */
  request_id: string;
  attempt: number;
  /** Opaque id handed to callers and logs. */
  id: string;
  status: ReservationStatus;
  amount_nanos: Int8;
  /** Set once, by the first settle. */
  actual_nanos: Int8 | null;
  /** JSON array of `{scope, subject, period}`: the counter rows the amount is held on, in lock order. */
  counters: string;
  created_at: string;
  expires_at: string;
  /** Set by release or by the reaper; a later settle still charges (a late settle). */
  released_at: string | null;
  settled_at: string | null;
}

/** What one settled request attempt consumed; written by the ledger's settle, read by usage queries. */
export interface UsageEventsTable {
  request_id: string;
  attempt: number;
  tenant_id: string;
  user_id: string | null;
  key_id: string | null;
  provider: string;
  model: string;
  /** Null when the provider did not report it (never 0 for unknown). */
  input_tokens: number | null;
  output_tokens: number | null;
  cached_tokens: number | null;
  cost_nanos: Int8;
  occurred_at: string;
  /** `hit-exact` / `hit-semantic` for answers from the response cache; null for provider calls. */
  cache_status: string | null;
  saved_cost_nanos: Generated<Int8>;
  saved_input_tokens: number | null;
  saved_output_tokens: number | null;
}

/** GCRA state of one rate-limit rule of one bucket: its theoretical arrival time. */
export interface RateLimitStateTable {
  /** e.g. `key:<id>` or `egress:<provider>`. */
  bucket: string;
  /** e.g. `requests`, `tokens`. */
  rule: string;
  /** Epoch milliseconds (fractional): when the bucket will be fully refilled. */
  tat_ms: number;
}

/** Adaptive egress state of one bucket after upstream 429s. */
export interface RateLimitThrottlesTable {
  bucket: string;
  /** Fraction (0–1] of the configured rate in force right after the last cut. */
  level: number;
  /** Epoch milliseconds of the last cut; recovery is counted from here. */
  cut_at_ms: number;
  /** Epoch milliseconds before which no request goes out (an upstream Retry-After). */
  paused_until_ms: number;
}

/** One chat request as recorded for operators (see migration 0012). */
export interface TracesTable {
  id: string;
  created_at: string;
  tenant_id: string;
  user_id: string;
  key_id: string;
  route: string;
  requested_model: string;
  provider: string | null;
  model: string | null;
  /** `ok`, `error`, `cache-hit` or `rejected` (a budget or size refusal). */
  status: string;
  error_type: string | null;
  http_status: number;
  latency_ms: number;
  ttft_ms: number | null;
  input_tokens: number;
  output_tokens: number;
  cached_tokens: number;
  cost_nanos: Int8;
  cache_status: string;
  retries: number;
  fallbacks: number;
  groundedness: number | null;
  workflow_id: string | null;
  run_id: string | null;
  template_id: string | null;
  template_version: string | null;
  content_mode: string;
  prompt_hash: string;
  response_hash: string;
}

/** The bulky part of a trace, read one trace at a time (migration 0014). */
export interface TraceContentsTable {
  id: string;
  /** JSON array of messages, or null when the content mode keeps none. */
  prompt: string | null;
  response: string | null;
  /** JSON array of attempts. */
  attempts: string;
  /** JSON object: redaction kind → count. */
  redactions: string;
}

/** The current state of one alert rule for one subject (migration 0013). */
export interface AlertStatesTable {
  /** Rule name and subject, e.g. `latency:route=support`. */
  key: string;
  rule: string;
  kind: string;
  severity: string;
  subject: string;
  /** The tenant the subject belongs to, for tenant-scoped reads; null for global alerts. */
  tenant_id: string | null;
  /** `firing`, `ok` or `no-data`. */
  status: string;
  /** The alert engine's state as JSON. */
  state: string;
  updated_at: string;
}

/** A notification Ballast sent (or tried to): firing, resolved or reminder. */
export interface AlertEventsTable {
  id: string;
  key: string;
  rule: string;
  kind: string;
  severity: string;
  subject: string;
  tenant_id: string | null;
  notification: string;
  summary: string;
  /** The webhook payload as JSON. */
  payload: string;
  /** JSON array: webhook name, HTTP status or error, when. */
  deliveries: string;
  created_at: string;
}

/** A weekly review report. */
export interface ReviewsTable {
  id: string;
  created_at: string;
  period_start: string;
  period_end: string;
  markdown: string;
  /** The ranked sections as JSON. */
  sections: string;
}

/** A batch of chat requests (migration 0016, docs/batches.md). */
export interface BatchesTable {
  id: string;
  tenant_id: string;
  user_id: string | null;
  key_id: string | null;
  mode: BatchMode;
  status: BatchStatus;
  endpoint: string;
  completion_window: string;
  deadline_at: string;
  webhook_url: string | null;
  /** JSON object of strings. */
  metadata: string;
  /** JSON array of `{line, customId, code, message}`: the rejected input lines reported. */
  invalid_errors: string;
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
  cancelled_at: string | null;
  /** JSON `{code, message}` when the batch failed. */
  error: string | null;
}

/** One input line of a batch; (batch_id, line_index) is the key. */
export interface BatchLinesTable {
  batch_id: string;
  line_index: number;
  /** Unique among the batch's lines that are not `invalid`. */
  custom_id: string | null;
  status: BatchLineStatus;
  /** The validated chat request, JSON; null for invalid lines. */
  request: string | null;
  /** The chat.completion body, JSON. */
  response: string | null;
  /** JSON `{code, message}`. */
  error: string | null;
  /** 1 when a failed line may be resubmitted. */
  retryable: Generated<number>;
  provider: string | null;
  model: string | null;
  round: Generated<number>;
  attempts: Generated<number>;
  input_tokens: number | null;
  output_tokens: number | null;
  cached_tokens: number | null;
  cost_nanos: Int8 | null;
  /** 1 once the line's ledger reservation is settled or released. */
  settled: Generated<number>;
  updated_at: string;
}

/** One provider batch submitted for a batch; (batch_id, round, provider, model) is the key. */
export interface BatchProviderJobsTable {
  batch_id: string;
  round: number;
  provider: string;
  model: string;
  provider_batch_id: string | null;
  input_file_id: string | null;
  status: BatchProviderJobStatus;
  line_count: number;
  error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}
