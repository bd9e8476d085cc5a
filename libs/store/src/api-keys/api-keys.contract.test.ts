import { forEachStoreBackend } from '../ledger/testing/each-store-backend.js';
import { runApiKeysContract } from './testing/api-keys-contract.js';

forEachStoreBackend('api keys contract', runApiKeysContract);
