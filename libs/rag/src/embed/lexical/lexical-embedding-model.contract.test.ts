import { runEmbeddingModelContract } from '../../testing/embedding-model-contract.js';
import { createLexicalEmbeddingModel } from './lexical-embedding-model.js';

runEmbeddingModelContract({
  name: 'built-in lexical-embedding-v1',
  createModel: () => createLexicalEmbeddingModel(),
  usesSimulator: false,
  ranksSharedWordsHigher: true,
});
