/**
 * Every environment variable Ballast reads, with the config path it sets. The README's
 * configuration reference is this table; `loadConfig` is the only reader of `process.env`.
 */
export const ENVIRONMENT_VARIABLES = [
  { name: 'BALLAST_ENV', path: 'environment', type: 'string', help: 'development | production | test' },
  { name: 'BALLAST_DATA_DIR', path: 'dataDir', type: 'string', help: 'where embedded state lives' },
  { name: 'BALLAST_HOST', path: 'server.host', type: 'string', help: 'API listen address' },
  { name: 'BALLAST_PORT', path: 'server.port', type: 'int', help: 'API port (0 = any free port)' },
  { name: 'BALLAST_BODY_LIMIT_BYTES', path: 'server.bodyLimitBytes', type: 'int', help: 'largest request body' },
  { name: 'BALLAST_REQUEST_TIMEOUT_MS', path: 'server.requestTimeoutMs', type: 'int', help: 'API wait for a chat answer' },
  { name: 'TEMPORAL_ADDRESS', path: 'temporal.address', type: 'string', help: 'Temporal frontend host:port' },
  { name: 'TEMPORAL_NAMESPACE', path: 'temporal.namespace', type: 'string', help: 'Temporal namespace' },
  { name: 'TEMPORAL_UI_URL', path: 'temporal.uiUrl', type: 'string', help: 'Temporal Web UI base URL' },
  { name: 'BALLAST_TASK_QUEUE', path: 'temporal.taskQueue', type: 'string', help: 'chat workflow task queue' },
  { name: 'BALLAST_START_MODE', path: 'temporal.startMode', type: 'string', help: 'update-with-start | start-and-wait | eager' },
  { name: 'BALLAST_CALL_MODEL_AS', path: 'temporal.callModelAs', type: 'string', help: 'activity | local-activity' },
  { name: 'BALLAST_ATTEMPT_TIMEOUT_MS', path: 'server.attemptTimeoutMs', type: 'int', help: 'longest single provider attempt' },
  { name: 'BALLAST_HEARTBEAT_TIMEOUT_MS', path: 'server.heartbeatTimeoutMs', type: 'int', help: 'dead-worker detection during a call' },
  { name: 'BALLAST_WORKER_HEALTH_PORT', path: 'server.workerHealthPort', type: 'int', help: "worker's /health/live and /health/ready port (unset: none)" },
  { name: 'BALLAST_SHUTDOWN_GRACE_MS', path: 'server.shutdownGraceMs', type: 'int', help: 'SIGTERM: wait this long for in-flight requests and activities' },
  { name: 'BALLAST_DATABASE_URL', path: 'storage.databaseUrl', type: 'string', help: 'sqlite:<path> or postgres://…' },
  { name: 'BALLAST_BLOB_DIR', path: 'storage.blobDirectory', type: 'string', help: 'uploaded document bytes' },
  { name: 'BALLAST_VECTOR_STORE', path: 'storage.vectorStore.kind', type: 'string', help: 'lancedb | qdrant' },
  { name: 'BALLAST_VECTOR_DIR', path: 'storage.vectorStore.directory', type: 'string', help: 'LanceDB directory' },
  { name: 'QDRANT_URL', path: 'storage.vectorStore.url', type: 'string', help: 'Qdrant URL (with BALLAST_VECTOR_STORE=qdrant)' },
  { name: 'QDRANT_API_KEY', path: 'storage.vectorStore.apiKey', type: 'string', help: 'Qdrant API key' },
  { name: 'BALLAST_LOCAL_EMBEDDINGS', path: 'localEmbeddings.mode', type: 'string', help: 'auto (install with setup, run with start) | off' },
  { name: 'BALLAST_DEMO_CORPUS', path: 'demoCorpus.mode', type: 'string', help: 'auto (npm start ingests demo/corpus for the development key) | off' },
  { name: 'BALLAST_DEFAULT_EMBEDDING_MODEL', path: 'documents.defaultEmbeddingModel', type: 'string', help: 'embedding model of new collections' },
  { name: 'BALLAST_DOCUMENT_MAX_BYTES', path: 'documents.maxBytes', type: 'int', help: 'largest document upload' },
  { name: 'BALLAST_SIMULATOR', path: 'simulator.mode', type: 'string', help: 'auto | always | never' },
  { name: 'BALLAST_SIMULATOR_URL', path: 'simulator.url', type: 'string', help: 'simulator base URL' },
  { name: 'BALLAST_RATE_LIMIT_STORE', path: 'rateLimits.store', type: 'string', help: 'database (shared by replicas) | memory (per process)' },
  { name: 'BALLAST_KEY_RPM', path: 'rateLimits.perKey.rpm', type: 'int', help: 'requests per minute of keys that set none' },
  { name: 'BALLAST_KEY_TPM', path: 'rateLimits.perKey.tpm', type: 'int', help: 'estimated tokens per minute of keys that set none' },
  { name: 'BALLAST_NATS_URL', path: 'streaming.relay.url', type: 'string', help: 'NATS server(s) carrying streamed text from workers to the API (sets streaming.relay.kind nats)' },
  { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', path: 'observability.otel.endpoint', type: 'string', help: 'OTLP/HTTP collector URL; setting it turns export on' },
  { name: 'OTEL_SERVICE_NAME', path: 'observability.otel.serviceName', type: 'string', help: 'service.name of exported spans' },
] as const;

/** `BALLAST_API_KEYS=key[:tenant[:user[:role]]],...` — static API keys (managed keys live in the store). */
export const API_KEYS_VARIABLE = 'BALLAST_API_KEYS';
/** Path of the optional YAML file; `./ballast.yaml` is read when it exists. */
export const CONFIG_FILE_VARIABLE = 'BALLAST_CONFIG';
/** Setting it also sets `streaming.relay.kind: nats` (over the file's kind). */
export const NATS_URL_VARIABLE = 'BALLAST_NATS_URL';

/** Provider keys: setting one switches that provider from the simulator to the real API. */
export const PROVIDER_VARIABLES = [
  { provider: 'openai', kind: 'openai', keyVariable: 'OPENAI_API_KEY', baseUrlVariable: 'OPENAI_BASE_URL' },
  { provider: 'anthropic', kind: 'anthropic', keyVariable: 'ANTHROPIC_API_KEY', baseUrlVariable: 'ANTHROPIC_BASE_URL' },
] as const;
