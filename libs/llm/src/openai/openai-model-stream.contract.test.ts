import { runLanguageModelStreamContract } from '../testing/language-model-stream-contract.js';
import { createOpenAiModel } from './create-openai-model.js';

runLanguageModelStreamContract({
  name: 'openai adapter (official openai SDK, stream: true with include_usage)',
  createModel: (simulatorUrl, modelId) =>
    createOpenAiModel({ provider: 'simulated-openai', modelId, apiKey: 'sk-simulated', baseURL: `${simulatorUrl}/v1` }),
});
