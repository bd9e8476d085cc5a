import type { StoreDatabase } from '#libs/store';
// The store's backend harness (SQLite always, Postgres when enabled) is test tooling of
// libs/store that its package index does not export; reached by path, in tests only.
import { forEachStoreBackend } from '../../store/src/ledger/testing/each-store-backend.js';
import { MemoryRateLimiter } from './memory-rate-limiter.js';
import { SqlRateLimiter } from './sql-rate-limiter.js';
import { SqlThrottleStore } from './sql-throttle-store.js';
import { runRateLimiterContract } from './testing/rate-limiter-contract.js';
import { MemoryThrottleStore } from './throttle-store.js';

runRateLimiterContract({
  name: 'memory',
  open: (now) => {
    const limiter = new MemoryRateLimiter({ now });
    const throttles = new MemoryThrottleStore();
    // In memory, "another replica" in the same process shares the same objects.
    return Promise.resolve({ limiter, throttles, peer: { limiter, throttles }, close: () => Promise.resolve() });
  },
});

forEachStoreBackend('rate limiter contract', (backend) => {
  runRateLimiterContract({
    name: `store, ${backend.name}`,
    open: async (now) => {
      const store = await backend.createDatabase();
      // On Postgres the peer gets its own connection pool, as another replica would; an
      // in-memory SQLite database exists only on its one connection, so the peer shares it.
      const peerStore = store.dialect === 'postgres' ? await backend.createDatabase() : store;
      const open = (database: StoreDatabase) => ({ limiter: new SqlRateLimiter(database.db, database.dialect, { now }), throttles: new SqlThrottleStore(database.db, database.dialect) });
      return {
        ...open(store),
        peer: open(peerStore),
        close: async () => {
          await store.close();
          if (peerStore !== store) {
            await peerStore.close();
          }
        },
      };
    },
  });
});
