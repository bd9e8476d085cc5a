import { SeededRandom } from './seeded-random.js';

/**
 * Clustered random unit vectors shaped like sentence embeddings of chunked documents:
 *
 *   chunk = normalize(ANISOTROPY·shared + topic + DOCUMENT_SPREAD·document noise + CHUNK_SPREAD·chunk noise)
 *
 * The shared direction makes unrelated texts score ~0.1, as real embedding models do; chunks of
 * one topic score ~0.4 with each other and a document's own chunks ~0.7. Queries come in three
 * kinds: a paraphrase of an existing document (`document`), a broad question about one topic
 * (`topic`, neighbours spread over many documents) and a question bridging two topics
 * (`bridge`, neighbours on the border between clusters), and a paraphrase of a document of some
 * other collection (`elsewhere`: the filtered collection may hold nothing close, so its nearest
 * rows lie in partitions far from the query: the hardest case for an IVF index).
 */

/** Knobs of the generator (all spreads are relative to a unit-norm topic direction). */
export interface CorpusShape {
  readonly chunks: number;
  readonly dimensions: number;
  readonly chunksPerDocument: number;
  readonly documentsPerTopic: number;
  readonly tenants: readonly { readonly id: string; readonly share: number; readonly collections: number }[];
  readonly queries: number;
  readonly seed: number;
}

/** The generated corpus: row i of every array is chunk i. */
export interface SyntheticCorpus {
  readonly shape: CorpusShape;
  /** chunks × dimensions, row-major, every row unit-length. */
  readonly vectors: Float32Array;
  readonly tenantIds: readonly string[];
  readonly collectionIds: readonly string[];
  readonly documentIds: readonly string[];
  readonly queries: readonly SyntheticQuery[];
}

/** A query with the filter a retrieval step would send. */
export interface SyntheticQuery {
  readonly kind: 'document' | 'topic' | 'bridge' | 'elsewhere';
  readonly vector: Float32Array;
  readonly tenantId: string;
  readonly collectionId: string;
}

const ANISOTROPY = 0.5;
const DOCUMENT_SPREAD = 1.0;
const CHUNK_SPREAD = 1.0;
const QUERY_SPREAD = 1.2;

function normalizeInto(target: Float32Array, offset: number, length: number): void {
  let squared = 0;
  for (let index = 0; index < length; index += 1) squared += (target[offset + index] as number) ** 2;
  const scale = 1 / Math.sqrt(squared);
  for (let index = 0; index < length; index += 1) target[offset + index] = (target[offset + index] as number) * scale;
}

/** A random direction of norm `norm` (Gaussian components scaled by norm/√dimensions). */
function randomDirection(random: SeededRandom, dimensions: number, norm: number): Float32Array {
  const direction = new Float32Array(dimensions);
  const scale = norm / Math.sqrt(dimensions);
  for (let index = 0; index < dimensions; index += 1) direction[index] = random.gaussian() * scale;
  return direction;
}

/** Generates the corpus and its queries deterministically from `shape.seed`. */
export function generateCorpus(shape: CorpusShape): SyntheticCorpus {
  const random = new SeededRandom(shape.seed);
  const { dimensions } = shape;
  const shared = randomDirection(random, dimensions, ANISOTROPY);
  const documentCount = Math.ceil(shape.chunks / shape.chunksPerDocument);
  const topicCount = Math.max(1, Math.ceil(documentCount / shape.documentsPerTopic));
  const topics = Array.from({ length: topicCount }, () => randomDirection(random, dimensions, 1));

  const totalShare = shape.tenants.reduce((sum, tenant) => sum + tenant.share, 0);
  const documents = Array.from({ length: documentCount }, (_, documentIndex) => {
    let pick = random.next() * totalShare;
    const tenant = shape.tenants.find((candidate) => (pick -= candidate.share) < 0) ?? (shape.tenants[0] as CorpusShape['tenants'][number]);
    const topic = random.integer(topicCount);
    const centre = randomDirection(random, dimensions, DOCUMENT_SPREAD);
    const topicVector = topics[topic] as Float32Array;
    for (let index = 0; index < dimensions; index += 1) centre[index] = (centre[index] as number) + (topicVector[index] as number) + (shared[index] as number);
    return { id: `doc-${documentIndex}`, tenantId: tenant.id, collectionId: `${tenant.id}-c${random.integer(tenant.collections)}`, topic, centre };
  });

  const vectors = new Float32Array(shape.chunks * dimensions);
  const tenantIds: string[] = [];
  const collectionIds: string[] = [];
  const documentIds: string[] = [];
  const chunkScale = CHUNK_SPREAD / Math.sqrt(dimensions);
  for (let chunk = 0; chunk < shape.chunks; chunk += 1) {
    const document = documents[Math.floor(chunk / shape.chunksPerDocument)] as (typeof documents)[number];
    const offset = chunk * dimensions;
    for (let index = 0; index < dimensions; index += 1) vectors[offset + index] = (document.centre[index] as number) + random.gaussian() * chunkScale;
    normalizeInto(vectors, offset, dimensions);
    tenantIds.push(document.tenantId);
    collectionIds.push(document.collectionId);
    documentIds.push(document.id);
  }

  const queryScale = QUERY_SPREAD / Math.sqrt(dimensions);
  const kinds = ['document', 'topic', 'bridge', 'elsewhere'] as const;
  const queries: SyntheticQuery[] = Array.from({ length: shape.queries }, (_, queryIndex) => {
    const document = documents[random.integer(documentCount)] as (typeof documents)[number];
    const kind = kinds[queryIndex % kinds.length] as SyntheticQuery['kind'];
    const topic = topics[document.topic] as Float32Array;
    const otherTopic = topics[random.integer(topicCount)] as Float32Array;
    const vector = new Float32Array(dimensions);
    for (let index = 0; index < dimensions; index += 1) {
      const base =
        kind === 'document' || kind === 'elsewhere'
          ? (document.centre[index] as number)
          : (shared[index] as number) + (topic[index] as number) + (kind === 'bridge' ? (otherTopic[index] as number) : 0);
      vector[index] = base + random.gaussian() * queryScale;
    }
    normalizeInto(vector, 0, dimensions);
    const scope = kind === 'elsewhere' ? (documents[random.integer(documentCount)] as (typeof documents)[number]) : document;
    return { kind, vector, tenantId: scope.tenantId, collectionId: scope.collectionId };
  });

  return { shape, vectors, tenantIds, collectionIds, documentIds, queries };
}
