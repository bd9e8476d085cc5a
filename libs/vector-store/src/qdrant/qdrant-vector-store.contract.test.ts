import { QdrantClient } from '@qdrant/js-client-rest';
import { runVectorStoreContract } from '../testing/vector-store-contract.js';
import { QdrantVectorStore } from './qdrant-vector-store.js';

// The real server: set QDRANT_URL (and QDRANT_API_KEY if needed), e.g. with docker-compose's qdrant.
const qdrantUrl = process.env.QDRANT_URL;
const qdrantApiKey = process.env.QDRANT_API_KEY;

if (qdrantUrl) {
  runVectorStoreContract({
    name: `qdrant at ${qdrantUrl}`,
    create: () => new QdrantVectorStore({ url: qdrantUrl, ...(qdrantApiKey ? { apiKey: qdrantApiKey } : {}) }),
    cleanup: async (spaces) => {
      const client = new QdrantClient({ url: qdrantUrl, ...(qdrantApiKey ? { apiKey: qdrantApiKey } : {}), checkCompatibility: false });
      for (const space of spaces) await client.deleteCollection(space);
    },
  });
} else {
  test.skip('contract against a real Qdrant server: set QDRANT_URL to run it (no server in this environment)', () => {});
}
