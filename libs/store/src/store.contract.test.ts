import { forEachStoreBackend } from './ledger/testing/each-store-backend.js';
import { runStoreContract } from './testing/store-contract.js';

forEachStoreBackend('store contract', runStoreContract);
