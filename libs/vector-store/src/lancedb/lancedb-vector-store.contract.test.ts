import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVectorStoreContract } from '../testing/vector-store-contract.js';
import { LanceDbVectorStore } from './lancedb-vector-store.js';

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'ballast-lancedb-contract-'));
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

runVectorStoreContract({
  name: 'lancedb',
  create: () => new LanceDbVectorStore({ directory }),
});
