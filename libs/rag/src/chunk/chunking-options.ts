import type { ChunkingSettings } from '#libs/contracts';

/** 768 tokens with 64 of overlap: mid-range of the 512–1024 the design asks for. */
export const DEFAULT_CHUNKING_SETTINGS: ChunkingSettings = { targetTokens: 768, maxTokens: 1024, overlapTokens: 64 };

/** Largest chunk any setting may ask for: well inside every embedding model's input limit (8191). */
export const MAX_CHUNK_TOKENS = 8000;

/**
 * Complete, checked settings: missing fields take the defaults (`maxTokens` grows to the target
 * when only a larger target is given). Throws a RangeError naming the offending values.
 */
export function resolveChunkingSettings(settings: Partial<ChunkingSettings> = {}): ChunkingSettings {
  const targetTokens = settings.targetTokens ?? DEFAULT_CHUNKING_SETTINGS.targetTokens;
  const maxTokens = settings.maxTokens ?? Math.max(DEFAULT_CHUNKING_SETTINGS.maxTokens, targetTokens);
  const overlapTokens = settings.overlapTokens ?? Math.min(DEFAULT_CHUNKING_SETTINGS.overlapTokens, Math.floor(targetTokens / 4));
  const problems: string[] = [];
  if (!Number.isInteger(targetTokens) || targetTokens < 16) problems.push(`targetTokens ${targetTokens} must be an integer of at least 16`);
  if (!Number.isInteger(maxTokens) || maxTokens < targetTokens || maxTokens > MAX_CHUNK_TOKENS) {
    problems.push(`maxTokens ${maxTokens} must be an integer between targetTokens (${targetTokens}) and ${MAX_CHUNK_TOKENS}`);
  }
  if (!Number.isInteger(overlapTokens) || overlapTokens < 0 || overlapTokens > targetTokens / 4) {
    problems.push(`overlapTokens ${overlapTokens} must be an integer between 0 and a quarter of targetTokens (${Math.floor(targetTokens / 4)})`);
  }
  if (problems.length > 0) throw new RangeError(`invalid chunking settings: ${problems.join('; ')}`);
  return { targetTokens, maxTokens, overlapTokens };
}
