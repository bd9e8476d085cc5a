import { forEachStoreBackend } from '../ledger/testing/each-store-backend.js';
import { runUsageContract } from './testing/usage-contract.js';

forEachStoreBackend('usage contract', runUsageContract);
