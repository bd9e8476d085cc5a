export {
  BATCH_JOB_METADATA_KEY,
  type BatchClientTuning,
  type BatchJobStatus,
  type BatchLineOutcome,
  type BatchPollResult,
  type BatchProviderClient,
  type BatchProviderConfig,
  type BatchSubmitInput,
  type BatchSubmitLine,
  type BatchSubmitResult,
} from './batch-provider.js';
export { createBatchProviderClient } from './create-batch-provider-client.js';
export { createOpenAiBatchClient, type OpenAiBatchClientOptions } from './openai-batch-client.js';
export { createAnthropicBatchClient, type AnthropicBatchClientOptions } from './anthropic-batch-client.js';
