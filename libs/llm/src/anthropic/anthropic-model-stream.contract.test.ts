import { runLanguageModelStreamContract } from '../testing/language-model-stream-contract.js';
import { createAnthropicModel } from './create-anthropic-model.js';

runLanguageModelStreamContract({
  name: 'anthropic adapter (official @anthropic-ai/sdk, messages stream)',
  createModel: (simulatorUrl, modelId) =>
    createAnthropicModel({ provider: 'simulated-anthropic', modelId, apiKey: 'sk-ant-simulated', baseURL: simulatorUrl }),
});
