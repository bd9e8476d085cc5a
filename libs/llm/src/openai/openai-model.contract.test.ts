import { runLanguageModelContract } from '../testing/language-model-contract.js';
import { createOpenAiModel } from './create-openai-model.js';

runLanguageModelContract({
  name: 'openai adapter (official openai SDK)',
  createModel: (simulatorUrl, modelId) =>
    createOpenAiModel({ provider: 'simulated-openai', modelId, apiKey: 'sk-simulated', baseURL: `${simulatorUrl}/v1` }),
});
