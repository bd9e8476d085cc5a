import { ApplicationFailure } from '@temporalio/activity';
import type { CollectionInfo, RetrievedChunkRef, RetrieveContextInput } from '#libs/contracts';
import { lexicalEmbedding, maximalMarginalRelevance, reciprocalRankFusion } from '#libs/rag';
import type { RagDependencies } from './rag-dependencies.js';

/** Candidates fetched per method before fusion and the active-version filter. */
const OVERFETCH = 4;

/**
 * Finds the chunks that best answer the query in the tenant's collections: vector search
 * (always filtered by tenant and collection), optionally fused with BM25 by reciprocal rank,
 * restricted to each document's active version. Returns ids and scores only.
 */
export function createRetrieveContext(dependencies: RagDependencies) {
  return async function retrieveContext(input: RetrieveContextInput): Promise<RetrievedChunkRef[]> {
    const collections = await resolveCollections(dependencies, input.tenantId, input.retrieval.collections);
    const candidates = input.retrieval.topK * OVERFETCH;
    const vectorRankings = await Promise.all(
      groupByModel(collections).map(async ({ modelName, dimensions, members }) => {
        const model = dependencies.embeddings.get(modelName);
        const { embeddings } = await model.embed([input.query], { purpose: 'query' });
        const space = dependencies.embeddings.spaceFor(modelName, dimensions);
        await dependencies.vectors.ensureSpace({ name: space, dimensions });
        const query = embeddings[0];
        if (!query) return [];
        return dependencies.vectors.search(space, {
          tenantId: input.tenantId,
          collectionIds: members.map((collection) => collection.id),
          vector: query,
          topK: candidates,
          ...(input.retrieval.minScore !== undefined && !input.retrieval.hybrid ? { minScore: input.retrieval.minScore } : {}),
        });
      }),
    );
    const vectorMatches = vectorRankings.flat().sort((a, b) => b.score - a.score);
    const byId = new Map<string, { documentId: string; collectionId: string; version: number | undefined }>(
      vectorMatches.map((match) => [match.id, { documentId: match.documentId, collectionId: match.collectionId, version: match.documentVersion }]),
    );

    let ranked: Array<{ id: string; score: number }> = vectorMatches.map((match) => ({ id: match.id, score: match.score }));
    if (input.retrieval.hybrid) {
      const keywordMatches = await dependencies.chunks.searchBm25({
        tenantId: input.tenantId,
        collectionIds: collections.map((collection) => collection.id),
        query: input.query,
        limit: candidates,
      });
      for (const match of keywordMatches) {
        if (!byId.has(match.chunkId)) byId.set(match.chunkId, { documentId: match.documentId, collectionId: match.collectionId, version: undefined });
      }
      ranked = reciprocalRankFusion([ranked, keywordMatches.map((match) => ({ id: match.chunkId, score: match.score }))]);
    }

    // Readers see only ready documents' active versions: a half-ingested new version stays invisible.
    const active = await activeVersions(dependencies, input.tenantId, [...new Set([...byId.values()].map((entry) => entry.documentId))]);
    const pool: RetrievedChunkRef[] = [];
    for (const { id, score } of ranked) {
      const entry = byId.get(id);
      if (!entry) continue;
      const activeVersion = active.get(entry.documentId);
      if (activeVersion === undefined || (entry.version !== undefined && entry.version !== activeVersion)) continue;
      pool.push({ chunkId: id, documentId: entry.documentId, collectionId: entry.collectionId, score: round(score) });
      if (pool.length === candidates) break;
    }
    const mmrLambda = input.retrieval.mmrLambda ?? 0;
    const results = mmrLambda > 0 ? await diversify(dependencies, input.tenantId, pool, input.retrieval.topK, mmrLambda) : pool.slice(0, input.retrieval.topK);
    return results;
  };
}

async function resolveCollections(dependencies: RagDependencies, tenantId: string, names: readonly string[]): Promise<CollectionInfo[]> {
  const found = await Promise.all(names.map((name) => dependencies.collections.resolve(tenantId, name)));
  const missing = names.filter((_name, index) => !found[index]);
  if (missing.length > 0) {
    throw ApplicationFailure.nonRetryable(`Unknown collection(s) for this tenant: ${missing.join(', ')}`, 'unknown-collection');
  }
  return found as CollectionInfo[];
}

function groupByModel(collections: readonly CollectionInfo[]) {
  const groups = new Map<string, { modelName: string; dimensions: number; members: CollectionInfo[] }>();
  for (const collection of collections) {
    const key = `${collection.embeddingModel}:${collection.dimensions}`;
    const group = groups.get(key) ?? { modelName: collection.embeddingModel, dimensions: collection.dimensions, members: [] };
    group.members.push(collection);
    groups.set(key, group);
  }
  return [...groups.values()];
}

async function activeVersions(dependencies: RagDependencies, tenantId: string, documentIds: readonly string[]): Promise<Map<string, number>> {
  const documents = await Promise.all(documentIds.map((id) => dependencies.documents.get(tenantId, id)));
  const active = new Map<string, number>();
  for (const document of documents) {
    if (document && document.status !== 'deleting' && document.status !== 'deleted' && document.activeVersion !== undefined) active.set(document.id, document.activeVersion);
  }
  return active;
}

/** Dimensions of the lexical vectors MMR compares chunk texts with. */
const REDUNDANCY_DIMENSIONS = 512;

/**
 * Maximal marginal relevance over the candidates: relevance is the (fused) ranking score,
 * redundancy the lexical similarity of the chunk texts. Lexical vectors need no embedding
 * call and catch what MMR is for here — chunks repeating each other's wording.
 */
async function diversify(dependencies: RagDependencies, tenantId: string, pool: readonly RetrievedChunkRef[], topK: number, mmrLambda: number): Promise<RetrievedChunkRef[]> {
  if (pool.length <= 1) return pool.slice(0, topK);
  const texts = new Map((await dependencies.chunks.getByIds(tenantId, pool.map((chunk) => chunk.chunkId))).map((chunk) => [chunk.id, chunk.text]));
  const best = Math.max(...pool.map((chunk) => chunk.score));
  const candidates = pool.map((chunk) => ({ ...chunk, id: chunk.chunkId, vector: lexicalEmbedding(texts.get(chunk.chunkId) ?? '', REDUNDANCY_DIMENSIONS) }));
  const picks = maximalMarginalRelevance(candidates, new Float32Array(REDUNDANCY_DIMENSIONS), {
    lambda: 1 - mmrLambda,
    topK,
    relevance: pool.map((chunk) => (best > 0 ? chunk.score / best : 0)),
  });
  return picks.map(({ chunkId, documentId, collectionId, score }) => ({ chunkId, documentId, collectionId, score }));
}

function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}
