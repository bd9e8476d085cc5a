import { createCollections } from './0001-create-collections.js';
import { createDocuments } from './0002-create-documents.js';
import { createChunks } from './0003-create-chunks.js';
import { createChunkSearch } from './0004-create-chunk-search.js';
import { createApiKeys } from './0005-create-api-keys.js';
import { createSpendLedger } from './0006-create-spend-ledger.js';
import { createUsageEvents } from './0007-create-usage-events.js';
import { createRateLimits } from './0008-create-rate-limits.js';
import { createConversationSummaries } from './0009-create-conversation-summaries.js';
import { createCacheEntries } from './0010-create-cache-entries.js';
import { addCacheHitsToUsage } from './0011-add-cache-hits-to-usage.js';
import { createTraces } from './0012-create-traces.js';
import { createAlertsAndReviews } from './0013-create-alerts-and-reviews.js';
import { splitTraceContents } from './0014-split-trace-contents.js';
import { createBatches } from './0016-create-batches.js';
import { addChunkTokenProfile } from './0017-add-chunk-token-profile.js';
import { createEvalRuns } from './0018-create-eval-runs.js';
import type { StoreMigration } from './store-migration.js';

/** Every migration, oldest first. Append only. */
export const STORE_MIGRATIONS: readonly StoreMigration[] = [
  createCollections,
  createDocuments,
  createChunks,
  createChunkSearch,
  createApiKeys,
  createSpendLedger,
  createUsageEvents,
  createRateLimits,
  createConversationSummaries,
  createCacheEntries,
  addCacheHitsToUsage,
  createTraces,
  createAlertsAndReviews,
  splitTraceContents,
  createBatches,
  addChunkTokenProfile,
  createEvalRuns,
];
