import { compressContext, type CompressedChunk } from '../compress/compress-context.js';
import { estimateSavingsUsd } from '../compress/estimate-savings.js';
import { parseChunkProfile } from '../profile/chunk-profile.js';
import type { ContextCompressionReport, ContextDrop } from './context-report.js';
import type { DocumentCandidate } from './fit-documents.js';
import { knownTokens } from './known-tokens.js';
import type { PlanContextInput } from './plan-context.js';
import { withText } from './with-text.js';

/** Documents ready to be fitted: their token figures, and what compression did. */
export interface PreparedDocuments {
  readonly candidates: readonly DocumentCandidate[];
  readonly compressed?: ContextCompressionReport;
  readonly compressionDrops: readonly ContextDrop[];
}

/**
 * The documents as candidates for the prompt, compressed first when the policy says so. Counts
 * given with the documents (`knownTokens`, also from their ingestion profiles) are used instead
 * of counting, and the analyses their profiles hold instead of analysing them.
 *
 * Compressed documents carry estimated figures (`compress/sentence-tokens.ts`): re-counting the
 * compressed texts would take about as long as compressing them. The estimates are kept while
 * the documents fit `room` (the tokens left for them when history is kept whole) even at their
 * upper bounds (`CompressedChunk.upperBound`, which no eval chunk's exact count exceeded): then
 * nothing is dropped or trimmed, and the prompt stays within the window by the bounds' margin.
 * Otherwise the plan will fill the window to its edge, and the compressed texts are counted
 * exactly first, so the window is never exceeded there.
 */
export function prepareDocuments(input: PlanContextInput, room: number, overheadTokens: number): PreparedDocuments {
  const { counter, policy } = input;
  const settings = policy.compression;
  if (!settings.enabled || input.documents.length === 0) {
    const candidates = input.documents.map((document, position) => ({
      position,
      document,
      tokens: knownTokens(document, counter, parseChunkProfile(document.profile, document.text)) ?? counter.count(document.text),
    }));
    return { candidates, compressionDrops: [] };
  }
  // Best-ranked first, so a sentence two chunks share stays in the better one.
  const order = input.documents.map((document, position) => ({ document, position })).sort((left, right) => right.document.score - left.document.score || left.position - right.position);
  const result = compressContext({
    query: input.query.content,
    // One shape for every chunk (absent fields undefined), built without spreads: this runs for every document.
    chunks: order.map(({ document }) => {
      const profile = parseChunkProfile(document.profile, document.text);
      return { id: document.id, text: document.text, tokens: knownTokens(document, counter, profile), analysis: profile?.analysis };
    }),
    counter,
    targetRatio: settings.targetRatio,
    minChunkTokens: settings.minChunkTokens,
    keepEveryChunk: settings.keepEveryChunk,
    ...(input.analysisCache === undefined ? {} : { analysisCache: input.analysisCache }),
  });
  const kept = result.chunks.filter((chunk) => chunk.text !== '');
  const fitsAtBounds = kept.reduce((sum, chunk) => sum + chunk.upperBound + overheadTokens, 0) <= room;
  const tokensOf = (chunk: CompressedChunk): number => (chunk.estimated && !fitsAtBounds ? counter.count(chunk.text) : chunk.tokens);

  const candidates: DocumentCandidate[] = [];
  const compressionDrops: ContextDrop[] = [];
  let tokensAfter = 0;
  result.chunks.forEach((chunk, rank) => {
    const entry = order[rank];
    if (entry === undefined) return;
    if (chunk.text === '') {
      compressionDrops.push({ section: 'documents', id: chunk.id, tokens: chunk.tokensBefore, reason: 'compressed-away' });
      return;
    }
    const tokens = tokensOf(chunk);
    tokensAfter += tokens;
    candidates.push({ position: entry.position, document: chunk.text === entry.document.text ? entry.document : withText(entry.document, chunk.text), tokens });
  });
  const { tokensBefore } = result.stats;
  const tokensSaved = tokensBefore - tokensAfter;
  const usdSaved = input.inputPricePerMillion === undefined ? undefined : estimateSavingsUsd(tokensSaved, input.inputPricePerMillion);
  return {
    candidates,
    compressionDrops,
    compressed: {
      ...result.stats,
      tokensAfter,
      ratio: tokensBefore === 0 ? 1 : tokensAfter / tokensBefore,
      targetRatio: settings.targetRatio,
      tokensSaved,
      ...(usdSaved === undefined ? {} : { usdSaved }),
    },
  };
}
