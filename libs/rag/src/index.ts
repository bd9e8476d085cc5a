export type { DocumentSource, ParsedDocument, ParsedSection } from './parse/parsed-document.js';
export { parseDocument } from './parse/parse-document.js';
export { detectMediaType } from './parse/detect-media-type.js';
export { DocumentParseError, type DocumentParseFacts, type DocumentParseFailure } from './parse/document-parse-error.js';
export { UnsupportedMediaTypeError, type UnsupportedMediaTypeFacts } from './parse/unsupported-media-type-error.js';
export { parseMarkdown } from './parse/parse-markdown.js';
export { parseHtml } from './parse/parse-html.js';
export { parsePdf } from './parse/parse-pdf.js';
export { parsePlainText } from './parse/parse-plain-text.js';

export { chunkDocument } from './chunk/chunk-document.js';
export type { DocumentChunk } from './chunk/document-chunk.js';
export { chunkId, contentHash } from './chunk/chunk-id.js';
export { DEFAULT_CHUNKING_SETTINGS, MAX_CHUNK_TOKENS, resolveChunkingSettings } from './chunk/chunking-options.js';
export { DEFAULT_TOKENIZER_ENCODING, loadTokenizer, TOKENIZER_ENCODINGS, type Tokenizer, type TokenizerEncoding } from './chunk/tokenizer.js';
export { splitSentences, type TextRange } from './chunk/split-sentences.js';
export { splitToFit } from './chunk/split-to-fit.js';

export type { EmbeddingModel, EmbeddingModelKind, EmbeddingPurpose, EmbedOptions, EmbedResult } from './embed/embedding-model.js';
export { batchTexts, estimateEmbeddingTokens, type EmbeddingBatchLimits } from './embed/batch-texts.js';
export { checkEmbeddingInput } from './embed/check-embedding-input.js';
export {
  BUILT_IN_PROVIDER,
  createLexicalEmbeddingModel,
  LEXICAL_EMBEDDING_DIMENSIONS,
  LEXICAL_EMBEDDING_MODEL_ID,
  type LexicalEmbeddingModelOptions,
} from './embed/lexical/lexical-embedding-model.js';
export { lexicalEmbedding } from './embed/lexical/lexical-embedding.js';
export { createOpenAiEmbeddingModel, type OpenAiEmbeddingModelOptions } from './embed/openai/create-openai-embedding-model.js';
export {
  probeLocalEmbeddingServer,
  type LocalEmbeddingServerProbe,
  type ProbeLocalEmbeddingServerOptions,
} from './embed/probe-local-embedding-server.js';

export { cosineSimilarity } from './retrieve/cosine-similarity.js';
export { reciprocalRankFusion, RRF_DEFAULT_K, type RankedItem, type ReciprocalRankFusionOptions } from './retrieve/reciprocal-rank-fusion.js';
export {
  maximalMarginalRelevance,
  type MaximalMarginalRelevanceOptions,
  type MmrCandidate,
  type MmrSelection,
} from './retrieve/maximal-marginal-relevance.js';
