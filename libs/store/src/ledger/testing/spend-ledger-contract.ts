import { randomUUID } from 'node:crypto';
import type { StoreDatabase } from '../../create-database.js';
import { NotFoundError } from '../../not-found-error.js';
import { UsageRepository } from '../../usage/usage-repository.js';
import type { CapScope } from '../cap-scope.js';
import { SpendLedger } from '../spend-ledger.js';
import type { SettleInput } from '../spend-ledger-types.js';
import type { StoreBackend } from './each-store-backend.js';

const START = new Date('2030-01-15T12:00:00.000Z');
const IN_AN_HOUR = new Date(START.getTime() + 3_600_000);

/**
 * The behaviour every SQL backend of the spend ledger must show; each backend's test file
 * calls this once (see `forEachStoreBackend`).
 */
export function runSpendLedgerContract(backend: StoreBackend): void {
  describe(`spend ledger contract: ${backend.name}`, () => {
    let store: StoreDatabase;
    let clock: Date;
    let ledger: SpendLedger;

    beforeEach(async () => {
      store = await backend.createDatabase();
      clock = START;
      ledger = newLedger();
    });
    afterEach(async () => {
      await store.close();
    });

    /** A ledger on the same database: what a restarted worker would open. */
    const newLedger = () => new SpendLedger(store.db, store.dialect, { now: () => clock });
    const unique = (label: string) => `${label}-${randomUUID()}`;
    const cap = (scope: CapScope['scope'], limitUsd: number, softLimitRatio?: number): CapScope => ({
      scope,
      subject: unique(scope),
      limitUsd,
      ...(softLimitRatio === undefined ? {} : { softLimitRatio }),
    });
    const settleInput = (requestId: string, actualUsd: number, attempt = 1): SettleInput => ({
      requestId,
      attempt,
      actualUsd,
      tenantId: 'acme',
      userId: 'ana',
      keyId: 'key_1',
      provider: 'openai',
      model: 'gpt-4o-mini',
      inputTokens: 100,
      outputTokens: 20,
    });
    const capState = async (scope: CapScope) => {
      const [state] = await ledger.capStates([scope]);
      return state;
    };

    test('500 concurrent reservations against a cap worth 14 admit exactly 14, and spend never exceeds the cap', async () => {
      const tenantCap = cap('tenant-day', 1);
      const globalCap = cap('global-day', 1000);
      const keyCap = cap('key-month', 50);
      const amountUsd = 0.07;
      const requestIds = Array.from({ length: 500 }, () => unique('req'));
      const results = await Promise.all(
        requestIds.map((requestId) => ledger.reserve({ requestId, attempt: 1, scopes: [globalCap, tenantCap, keyCap], amountUsd, expiresAt: IN_AN_HOUR })),
      );
      const admittedIds = requestIds.filter((_, index) => results[index]?.admitted === true);
      expect(admittedIds).toHaveLength(Math.floor(1 / amountUsd));
      expect(results.find((result) => !result.admitted)).toEqual({
        admitted: false,
        cap: { scope: 'tenant-day', subject: tenantCap.subject, period: '2030-01-15', limitUsd: 1, spentUsd: 0, reservedUsd: 0.98, remainingUsd: 0.02, resetsAt: '2030-01-16T00:00:00.000Z' },
      });
      // Refused requests held nothing on the caps they did fit under.
      expect(await capState(globalCap)).toMatchObject({ reservedUsd: 0.98, spentUsd: 0 });
      expect(await capState(keyCap)).toMatchObject({ reservedUsd: 0.98, spentUsd: 0 });

      await Promise.all(admittedIds.map((requestId) => ledger.settle(settleInput(requestId, amountUsd))));
      const settled = await capState(tenantCap);
      expect(settled).toMatchObject({ spentUsd: 0.98, reservedUsd: 0 });
      expect(settled?.spentUsd).toBeLessThanOrEqual(tenantCap.limitUsd);
    });

    test('settling every admitted request leaves spend at or under the cap and nothing reserved', async () => {
      const tenantCap = cap('tenant-day', 1);
      const ids = Array.from({ length: 60 }, () => unique('req'));
      const results = await Promise.all(ids.map((requestId) => ledger.reserve({ requestId, attempt: 1, scopes: [tenantCap], amountUsd: 0.3, expiresAt: IN_AN_HOUR })));
      const admittedIds = ids.filter((_, index) => results[index]?.admitted === true);
      expect(admittedIds).toHaveLength(3);
      await Promise.all(admittedIds.map((requestId) => ledger.settle(settleInput(requestId, 0.25))));
      expect(await capState(tenantCap)).toMatchObject({ spentUsd: 0.75, reservedUsd: 0, remainingUsd: 0.25 });
    });

    test('a reservation holds on every cap or on none', async () => {
      const roomy = cap('tenant-month', 10);
      const tight = cap('user-day', 1);
      expect(await ledger.reserve({ requestId: unique('req'), attempt: 1, scopes: [tight], amountUsd: 0.9, expiresAt: IN_AN_HOUR })).toMatchObject({ admitted: true });
      const refused = await ledger.reserve({ requestId: unique('req'), attempt: 1, scopes: [roomy, tight], amountUsd: 0.2, expiresAt: IN_AN_HOUR });
      expect(refused).toMatchObject({ admitted: false, cap: { scope: 'user-day', subject: tight.subject, reservedUsd: 0.9, remainingUsd: 0.1 } });
      expect(await capState(roomy)).toMatchObject({ reservedUsd: 0, spentUsd: 0 });
      // An amount larger than a whole cap is refused even on an empty period.
      expect(await ledger.reserve({ requestId: unique('req'), attempt: 1, scopes: [cap('key-day', 0.5)], amountUsd: 0.51, expiresAt: IN_AN_HOUR })).toMatchObject({
        admitted: false,
        cap: { scope: 'key-day', spentUsd: 0, reservedUsd: 0, remainingUsd: 0.5 },
      });
    });

    test('reserving the same attempt again, even concurrently, holds the amount once', async () => {
      const tenantCap = cap('tenant-day', 5);
      const requestId = unique('req');
      const results = await Promise.all(Array.from({ length: 20 }, () => ledger.reserve({ requestId, attempt: 1, scopes: [tenantCap], amountUsd: 1, expiresAt: IN_AN_HOUR })));
      const ids = new Set(results.map((result) => (result.admitted ? result.reservationId : 'refused')));
      expect(ids.size).toBe(1);
      expect(results.filter((result) => result.admitted && !result.replayed)).toHaveLength(1);
      expect(await capState(tenantCap)).toMatchObject({ reservedUsd: 1 });
      // A new attempt of the same request is a new hold.
      expect(await ledger.reserve({ requestId, attempt: 2, scopes: [tenantCap], amountUsd: 1, expiresAt: IN_AN_HOUR })).toMatchObject({ admitted: true, replayed: false });
      expect(await capState(tenantCap)).toMatchObject({ reservedUsd: 2 });
    });

    test('settle charges once, records usage once, and a replay returns the first result', async () => {
      const tenantCap = cap('tenant-day', 5);
      const requestId = unique('req');
      const reserved = await ledger.reserve({ requestId, attempt: 1, scopes: [tenantCap], amountUsd: 1, expiresAt: IN_AN_HOUR });
      const settles = await Promise.all(Array.from({ length: 8 }, (_, index) => ledger.settle(settleInput(requestId, 0.4 + index / 100))));
      const first = settles.find((result) => result.status === 'settled' && !result.replayed);
      expect(settles.filter((result) => result.status === 'settled' && !result.replayed)).toHaveLength(1);
      expect(first).toMatchObject({ status: 'settled', reservationId: reserved.admitted ? reserved.reservationId : '', late: false });
      const charged = first?.status === 'settled' ? first.actualUsd : Number.NaN;
      for (const result of settles) {
        expect(result).toMatchObject({ status: 'settled', actualUsd: charged });
      }
      expect(await ledger.settle(settleInput(requestId, 0.99))).toMatchObject({ status: 'settled', actualUsd: charged, replayed: true });
      expect(await capState(tenantCap)).toMatchObject({ spentUsd: charged, reservedUsd: 0 });
      const usage = await new UsageRepository(store.db, store.dialect).query({ scope: { tenantId: 'acme' }, groupBy: 'model', from: START, to: IN_AN_HOUR });
      expect(usage.find((group) => group.group === 'gpt-4o-mini')?.requests).toBeGreaterThanOrEqual(1);
      expect(await ledger.findReservation({ requestId, attempt: 1 })).toMatchObject({ status: 'settled', amountUsd: 1, actualUsd: charged, settledAt: START.toISOString() });
    });

    test('release frees the hold once, never undoes a settle, and a released attempt is not charged', async () => {
      const tenantCap = cap('tenant-day', 5);
      const failed = unique('req');
      await ledger.reserve({ requestId: failed, attempt: 1, scopes: [tenantCap], amountUsd: 2, expiresAt: IN_AN_HOUR });
      expect(await ledger.release({ requestId: failed, attempt: 1 })).toMatchObject({ status: 'released', replayed: false });
      expect(await ledger.release({ requestId: failed, attempt: 1 })).toMatchObject({ status: 'released', replayed: true });
      expect(await ledger.settle(settleInput(failed, 2))).toMatchObject({ status: 'released' });
      expect(await capState(tenantCap)).toMatchObject({ spentUsd: 0, reservedUsd: 0 });

      const succeeded = unique('req');
      await ledger.reserve({ requestId: succeeded, attempt: 1, scopes: [tenantCap], amountUsd: 2, expiresAt: IN_AN_HOUR });
      await ledger.settle(settleInput(succeeded, 1.5));
      expect(await ledger.release({ requestId: succeeded, attempt: 1 })).toMatchObject({ status: 'settled', replayed: true });
      expect(await capState(tenantCap)).toMatchObject({ spentUsd: 1.5, reservedUsd: 0 });

      expect(await ledger.release({ requestId: unique('never-reserved'), attempt: 1 })).toEqual({ status: 'not-found', replayed: true });
      const error = await ledger.settle(settleInput(unique('never-reserved'), 1)).catch((caught: unknown) => caught);
      expect(NotFoundError.isInstance(error)).toBe(true);
    });

    test('the reaper frees expired holds once and leaves live ones; extend keeps a hold alive', async () => {
      const tenantCap = cap('tenant-day', 10);
      const soon = new Date(START.getTime() + 60_000);
      const expiring = unique('req');
      const extended = unique('req');
      const live = unique('req');
      await ledger.reserve({ requestId: expiring, attempt: 1, scopes: [tenantCap], amountUsd: 1, expiresAt: soon });
      await ledger.reserve({ requestId: extended, attempt: 1, scopes: [tenantCap], amountUsd: 2, expiresAt: soon });
      await ledger.reserve({ requestId: live, attempt: 1, scopes: [tenantCap], amountUsd: 4, expiresAt: IN_AN_HOUR });
      expect(await ledger.extend({ requestId: extended, attempt: 1 }, IN_AN_HOUR)).toBe(true);

      clock = new Date(soon.getTime() + 1);
      // Two reapers at once (two workers): the hold is freed once, the cap state below shows it.
      // (Counts are lower bounds: on a shared Postgres database other tests' holds may be due too.)
      const reaped = await Promise.all([ledger.reapExpired(), newLedger().reapExpired()]);
      expect(reaped[0] + reaped[1]).toBeGreaterThanOrEqual(1);
      expect(await ledger.reapExpired()).toBe(0);
      expect(await ledger.findReservation({ requestId: expiring, attempt: 1 })).toMatchObject({ status: 'expired', releasedAt: clock.toISOString() });
      expect(await capState(tenantCap)).toMatchObject({ reservedUsd: 6, spentUsd: 0 });
      expect(await ledger.extend({ requestId: expiring, attempt: 1 }, IN_AN_HOUR)).toBe(false);
    });

    test('a worker that crashes between reserve and settle: its retry settles once, nothing leaks', async () => {
      const tenantCap = cap('tenant-day', 10);
      const requestId = unique('req');
      const first = await ledger.reserve({ requestId, attempt: 1, scopes: [tenantCap], amountUsd: 3, expiresAt: IN_AN_HOUR });
      // The worker dies here. Its retry runs in a new process: a new ledger on the same database.
      const restarted = newLedger();
      const retried = await restarted.reserve({ requestId, attempt: 1, scopes: [tenantCap], amountUsd: 3, expiresAt: IN_AN_HOUR });
      expect(retried).toEqual({ admitted: true, reservationId: first.admitted ? first.reservationId : '', replayed: true, softLimitCrossed: [] });
      expect(await capState(tenantCap)).toMatchObject({ reservedUsd: 3 });
      expect(await restarted.settle(settleInput(requestId, 2))).toMatchObject({ status: 'settled', replayed: false, actualUsd: 2 });
      // The crashed attempt's own settle, delivered late, changes nothing.
      expect(await ledger.settle(settleInput(requestId, 2))).toMatchObject({ status: 'settled', replayed: true });
      await restarted.reapExpired({ now: new Date(IN_AN_HOUR.getTime() + 1) });
      expect(await restarted.findReservation({ requestId, attempt: 1 })).toMatchObject({ status: 'settled', actualUsd: 2 });
      expect(await capState(tenantCap)).toMatchObject({ spentUsd: 2, reservedUsd: 0 });
    });

    test('a crash the reaper cleans up: a late settle still charges once, a late retry holds again', async () => {
      const tenantCap = cap('tenant-day', 10);
      const soon = new Date(START.getTime() + 1_000);
      const settledLate = unique('req');
      const retriedLate = unique('req');
      await ledger.reserve({ requestId: settledLate, attempt: 1, scopes: [tenantCap], amountUsd: 3, expiresAt: soon });
      await ledger.reserve({ requestId: retriedLate, attempt: 1, scopes: [tenantCap], amountUsd: 3, expiresAt: soon });
      clock = new Date(soon.getTime() + 1);
      expect(await newLedger().reapExpired()).toBeGreaterThanOrEqual(2);
      expect(await capState(tenantCap)).toMatchObject({ spentUsd: 0, reservedUsd: 0 });

      // The call did happen: the cost is charged even though the hold is gone, and only once.
      expect(await ledger.settle(settleInput(settledLate, 2.5))).toMatchObject({ status: 'settled', late: true, replayed: false });
      expect(await ledger.settle(settleInput(settledLate, 2.5))).toMatchObject({ status: 'settled', late: true, replayed: true });
      expect(await capState(tenantCap)).toMatchObject({ spentUsd: 2.5, reservedUsd: 0 });

      // A retry of the same attempt after the reaper: it holds again, then settles normally.
      const again = await ledger.reserve({ requestId: retriedLate, attempt: 1, scopes: [tenantCap], amountUsd: 3, expiresAt: IN_AN_HOUR });
      expect(again).toMatchObject({ admitted: true, replayed: false });
      expect(await capState(tenantCap)).toMatchObject({ spentUsd: 2.5, reservedUsd: 3 });
      expect(await ledger.settle(settleInput(retriedLate, 1))).toMatchObject({ status: 'settled', late: false });
      expect(await capState(tenantCap)).toMatchObject({ spentUsd: 3.5, reservedUsd: 0, remainingUsd: 6.5 });
    });

    test('concurrent reserves, settles, releases and reaps over overlapping caps converge: spent = settled, nothing held', async () => {
      const shared = cap('global-day', 1000);
      const tenantA = cap('tenant-day', 1000);
      const tenantB = cap('tenant-day', 1000);
      const soon = new Date(START.getTime() + 1_000);
      // Each request lists its caps in a different order; the ledger must lock them in one order.
      const requests = Array.from({ length: 120 }, (_, index) => ({
        requestId: unique('req'),
        scopes: index % 3 === 0 ? [tenantA, shared, tenantB] : index % 3 === 1 ? [tenantB, tenantA, shared] : [shared, tenantB],
        outcome: (['settle', 'release', 'crash'] as const)[index % 3 === 2 ? 2 : index % 2],
      }));
      await Promise.all(
        requests.map(async (request) => {
          const result = await ledger.reserve({ requestId: request.requestId, attempt: 1, scopes: request.scopes, amountUsd: 1, expiresAt: soon });
          expect(result.admitted).toBe(true);
          if (request.outcome === 'settle') {
            await Promise.all([ledger.settle(settleInput(request.requestId, 0.5)), newLedger().settle(settleInput(request.requestId, 0.5))]);
          } else if (request.outcome === 'release') {
            await Promise.all([ledger.release({ requestId: request.requestId, attempt: 1 }), newLedger().release({ requestId: request.requestId, attempt: 1 })]);
          }
        }),
      );
      clock = new Date(soon.getTime() + 1);
      await Promise.all([ledger.reapExpired(), newLedger().reapExpired()]);
      const settledOn = (scope: CapScope) => requests.filter((request) => request.outcome === 'settle' && request.scopes.includes(scope)).length * 0.5;
      for (const scope of [shared, tenantA, tenantB]) {
        expect(await capState(scope)).toMatchObject({ spentUsd: settledOn(scope), reservedUsd: 0 });
      }
    });

    test('crossing a soft limit is reported once, by the reservation that crossed it', async () => {
      const tenantCap = cap('tenant-day', 1, 0.8);
      const reserve = () => ledger.reserve({ requestId: unique('req'), attempt: 1, scopes: [tenantCap], amountUsd: 0.3, expiresAt: IN_AN_HOUR });
      expect(await reserve()).toMatchObject({ admitted: true, softLimitCrossed: [] });
      expect(await reserve()).toMatchObject({ admitted: true, softLimitCrossed: [] });
      expect(await reserve()).toMatchObject({ admitted: true, softLimitCrossed: [{ scope: 'tenant-day', subject: tenantCap.subject, reservedUsd: 0.9, remainingUsd: 0.1 }] });
      expect(await reserve()).toMatchObject({ admitted: false, cap: { scope: 'tenant-day', remainingUsd: 0.1 } });
    });

    test('caps count per period: a new day starts from zero, the month keeps counting', async () => {
      const daily = cap('user-day', 1);
      const monthly = cap('user-month', 1.5);
      const spend = async (amountUsd: number) => {
        const requestId = unique('req');
        const result = await ledger.reserve({ requestId, attempt: 1, scopes: [daily, monthly], amountUsd, expiresAt: IN_AN_HOUR });
        if (result.admitted) {
          await ledger.settle(settleInput(requestId, amountUsd));
        }
        return result;
      };
      expect(await spend(0.6)).toMatchObject({ admitted: true });
      expect(await spend(0.6)).toMatchObject({ admitted: false, cap: { scope: 'user-day', spentUsd: 0.6, resetsAt: '2030-01-16T00:00:00.000Z' } });
      clock = new Date('2030-01-16T00:00:00.000Z');
      expect(await spend(0.6)).toMatchObject({ admitted: true });
      expect(await spend(0.35)).toMatchObject({ admitted: false, cap: { scope: 'user-month', period: '2030-01', spentUsd: 1.2, remainingUsd: 0.3, resetsAt: '2030-02-01T00:00:00.000Z' } });
      expect(await capState(daily)).toMatchObject({ period: '2030-01-16', spentUsd: 0.6, reservedUsd: 0 });
    });
  });
}
