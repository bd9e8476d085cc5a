import { forEachStoreBackend } from './testing/each-store-backend.js';
import { runSpendLedgerContract } from './testing/spend-ledger-contract.js';

forEachStoreBackend('spend ledger contract', runSpendLedgerContract);
