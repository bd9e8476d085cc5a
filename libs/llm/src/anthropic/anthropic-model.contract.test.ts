import { runLanguageModelContract } from '../testing/language-model-contract.js';
import { createAnthropicModel } from './create-anthropic-model.js';

runLanguageModelContract({
  name: 'anthropic adapter (official @anthropic-ai/sdk)',
  createModel: (simulatorUrl, modelId) =>
    createAnthropicModel({ provider: 'simulated-anthropic', modelId, apiKey: 'sk-ant-simulated', baseURL: simulatorUrl }),
});
