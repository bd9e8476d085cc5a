export { createRagRuntime, type RagRuntime } from './create-rag-runtime.js';
export { EmbeddingRegistry, LEXICAL_EMBEDDING_MODEL } from './embedding-registry.js';
