import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../create-database.js';
import { UsageRepository } from '../usage/usage-repository.js';
import { SpendLedger } from './spend-ledger.js';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'ballast-ledger-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

test('a worker restarted between reserve and settle (SQLite file reopened) settles its reservation once', async () => {
  const url = `sqlite:${join(directory, 'ballast.db')}`;
  const now = new Date('2030-05-05T05:05:05.000Z');
  const scopes = [{ scope: 'tenant-day' as const, subject: 'acme', limitUsd: 1 }];
  const reserve = { requestId: 'req-1', attempt: 1, scopes, amountUsd: 0.6, expiresAt: new Date(now.getTime() + 60_000) };

  const before = await createDatabase({ url });
  const first = await new SpendLedger(before.db, before.dialect, { now: () => now }).reserve(reserve);
  expect(first).toMatchObject({ admitted: true, replayed: false });
  // The process dies: its connection closes with the hold still in the file.
  await before.close();

  const after = await createDatabase({ url });
  try {
    const ledger = new SpendLedger(after.db, after.dialect, { now: () => now });
    expect(await ledger.reserve(reserve)).toEqual({ admitted: true, reservationId: first.admitted ? first.reservationId : '', replayed: true, softLimitCrossed: [] });
    // The hold survived the restart: a second request of the same size does not fit beside it.
    expect(await ledger.reserve({ ...reserve, requestId: 'req-2' })).toMatchObject({ admitted: false, cap: { reservedUsd: 0.6, remainingUsd: 0.4 } });
    const settle = { requestId: 'req-1', attempt: 1, actualUsd: 0.25, tenantId: 'acme', provider: 'openai', model: 'gpt-4o-mini' };
    expect(await ledger.settle(settle)).toMatchObject({ status: 'settled', replayed: false, actualUsd: 0.25 });
    expect(await ledger.settle(settle)).toMatchObject({ status: 'settled', replayed: true, actualUsd: 0.25 });
    expect(await ledger.capStates(scopes)).toMatchObject([{ spentUsd: 0.25, reservedUsd: 0, remainingUsd: 0.75 }]);
    const usage = await new UsageRepository(after.db, after.dialect).query({ scope: { tenantId: 'acme' }, groupBy: 'model', from: now, to: new Date(now.getTime() + 1) });
    expect(usage).toEqual([{ group: 'gpt-4o-mini', requests: 1, costUsd: 0.25, cacheHits: 0, savedCostUsd: 0 }]);
  } finally {
    await after.close();
  }
});
