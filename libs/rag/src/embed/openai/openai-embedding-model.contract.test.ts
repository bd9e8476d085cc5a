import { runEmbeddingModelContract } from '../../testing/embedding-model-contract.js';
import { createOpenAiEmbeddingModel } from './create-openai-embedding-model.js';

runEmbeddingModelContract({
  name: 'OpenAI adapter (official openai SDK) against the simulator',
  createModel: ({ simulatorUrl, modelId }) =>
    createOpenAiEmbeddingModel({
      provider: 'simulated-openai',
      modelId,
      apiKey: 'sk-simulated',
      baseURL: `${simulatorUrl ?? ''}/v1`,
      dimensions: 64,
      requestDimensions: true,
    }),
  usesSimulator: true,
  ranksSharedWordsHigher: true,
});
