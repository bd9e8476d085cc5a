import { randomUUID } from 'node:crypto';
import { ConflictError } from '../conflict-error.js';
import type { StoreDatabase } from '../create-database.js';
import { forEachStoreBackend } from '../ledger/testing/each-store-backend.js';
import type { NewBatchLine } from './batch-line-record.js';
import type { CreateBatchInput } from './batch-record.js';
import { BatchesRepository } from './batches-repository.js';

const CHAT_REQUEST = { model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'hi' }], max_tokens: 20 };

function validLine(lineIndex: number): NewBatchLine {
  return { lineIndex, customId: `c-${lineIndex}`, status: 'pending', request: { ...CHAT_REQUEST, n: lineIndex }, provider: 'openai', model: 'gpt-4.1-mini' };
}

function invalidLine(lineIndex: number, customId: string | null = null): NewBatchLine {
  return { lineIndex, customId, status: 'invalid', error: { code: 'invalid-json', message: `line ${lineIndex + 1} is not JSON` } };
}

function completion(text: string): unknown {
  return { id: `chatcmpl-${text}`, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] };
}

forEachStoreBackend('batches', (backend) => {
  describe(`batches: ${backend.name}`, () => {
    let database: StoreDatabase;
    let batches: BatchesRepository;
    let tenant: string;

    function input(overrides: Partial<CreateBatchInput> = {}): CreateBatchInput {
      return {
        id: `batch_${randomUUID().replaceAll('-', '')}`,
        tenantId: tenant,
        userId: 'user-1',
        keyId: 'key-1',
        mode: 'provider',
        endpoint: '/v1/chat/completions',
        completionWindow: '24h',
        deadlineAt: '2031-01-02T00:00:00.000Z',
        createdAt: '2031-01-01T00:00:00.000Z',
        ...overrides,
      };
    }

    beforeEach(async () => {
      database = await backend.createDatabase();
      batches = new BatchesRepository(database.db, database.dialect);
      tenant = `tenant-${randomUUID()}`;
    });
    afterEach(async () => {
      await database.close();
    });

    test('creates a batch with its lines and reads it back with counts, for its tenant only', async () => {
      const batch = input({ webhookUrl: 'https://hooks.example/b', metadata: { project: 'x' }, invalidLines: [{ line: 2, customId: null, code: 'invalid-json', message: 'line 2 is not JSON' }] });
      const created = await batches.create(batch, [validLine(0), invalidLine(1), validLine(2)]);
      const counts = { total: 3, invalid: 1, pending: 2, submitted: 0, succeeded: 0, failed: 0, cancelled: 0 };
      expect(created).toMatchObject({ id: batch.id, status: 'validating', lineCounts: counts, costUsd: 0, costNanoUsd: 0 });

      const read = await batches.get(batch.id ?? '', tenant);
      expect(read).toEqual({
        id: batch.id,
        tenantId: tenant,
        userId: 'user-1',
        keyId: 'key-1',
        mode: 'provider',
        status: 'validating',
        endpoint: '/v1/chat/completions',
        completionWindow: '24h',
        deadlineAt: '2031-01-02T00:00:00.000Z',
        webhookUrl: 'https://hooks.example/b',
        metadata: { project: 'x' },
        invalidLines: [{ line: 2, customId: null, code: 'invalid-json', message: 'line 2 is not JSON' }],
        createdAt: '2031-01-01T00:00:00.000Z',
        lineCounts: counts,
        costNanoUsd: 0,
        costUsd: 0,
      });
      expect(await batches.get(batch.id ?? '')).toEqual(read);
      expect(await batches.get(batch.id ?? '', `${tenant}-other`)).toBeUndefined();
      expect(await batches.get(`batch_missing_${randomUUID()}`)).toBeUndefined();
      expect((await batches.list(`${tenant}-other`)).items).toEqual([]);

      const lines = await batches.lines(batch.id ?? '', { limit: 10 });
      expect(lines.map((line) => [line.lineIndex, line.customId, line.status])).toEqual([
        [0, 'c-0', 'pending'],
        [1, null, 'invalid'],
        [2, 'c-2', 'pending'],
      ]);
      expect(lines[0]).toMatchObject({ request: { ...CHAT_REQUEST, n: 0 }, response: null, error: null, round: 0, attempts: 0, provider: 'openai', settled: false });
      expect(lines[1]).toMatchObject({ request: null, error: { code: 'invalid-json', message: 'line 2 is not JSON' } });
    });

    test('lists a tenant’s batches newest first, page by page', async () => {
      const ids: string[] = [];
      for (let index = 0; index < 5; index += 1) {
        // Two batches share a timestamp: the id breaks the tie.
        const batch = input({ createdAt: new Date(Date.UTC(2031, 0, 1, 0, Math.min(index, 3))).toISOString() });
        await batches.create(batch, [validLine(0)]);
        ids.push(batch.id ?? '');
      }
      const expected = [...ids].sort((a, b) => {
        const time = (id: string) => Math.min(ids.indexOf(id), 3);
        return time(b) - time(a) || (a < b ? 1 : -1);
      });
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await batches.list(tenant, { limit: 2, ...(cursor === undefined ? {} : { cursor }) });
        seen.push(...page.items.map((item) => item.id));
        expect(page.items.every((item) => item.lineCounts.total === 1 && item.lineCounts.pending === 1)).toBe(true);
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor !== undefined);
      expect(pages).toBe(3);
      expect(seen).toEqual(expected);
    });

    test('a duplicate batch id is a ConflictError, and a duplicate custom_id on valid lines writes nothing', async () => {
      const batch = input();
      await batches.create(batch, [validLine(0), validLine(1)]);
      await expect(batches.create({ ...batch }, [validLine(0)])).rejects.toMatchObject({ name: 'ConflictError', entity: 'batch', field: 'id', value: batch.id });
      const error = await batches.create({ ...batch }, [validLine(0)]).catch((caught: unknown) => caught);
      expect(ConflictError.isInstance(error)).toBe(true);
      expect((await batches.get(batch.id ?? ''))?.lineCounts.total).toBe(2);

      const other = input();
      await expect(batches.create(other, [validLine(0), { ...(validLine(1) as Extract<NewBatchLine, { status: 'pending' }>), customId: 'c-0' }])).rejects.toMatchObject({ name: 'ConflictError', field: 'customId' });
      expect(await batches.get(other.id ?? '')).toBeUndefined();
      // An invalid line may repeat a valid line's custom_id (that is why it is invalid).
      await batches.create(other, [validLine(0), invalidLine(1, 'c-0')]);
      expect((await batches.get(other.id ?? ''))?.lineCounts).toMatchObject({ total: 2, invalid: 1, pending: 1 });
    });

    test('creates 10,000 lines in one go and pages through them', async () => {
      const batch = input();
      const lines = Array.from({ length: 10_000 }, (_, index) => (index % 100 === 99 ? invalidLine(index) : validLine(index)));
      const started = performance.now();
      await batches.create(batch, lines);
      const elapsed = performance.now() - started;
      if (database.dialect === 'sqlite') expect(elapsed).toBeLessThan(1000);

      const read = await batches.get(batch.id ?? '', tenant);
      expect(read?.lineCounts).toEqual({ total: 10_000, invalid: 100, pending: 9_900, submitted: 0, succeeded: 0, failed: 0, cancelled: 0 });
      const first = await batches.lines(batch.id ?? '', { statuses: ['pending'], limit: 5_000 });
      expect(first).toHaveLength(5_000);
      const rest = await batches.lines(batch.id ?? '', { statuses: ['pending'], afterIndex: first[first.length - 1]?.lineIndex ?? 0, limit: 5_000 });
      expect(rest).toHaveLength(4_900);
      expect(rest[rest.length - 1]?.lineIndex).toBe(9_998);
      const moved = await batches.markSubmitted(
        batch.id ?? '',
        lines.map((line) => line.lineIndex),
        { round: 1, provider: 'openai', model: 'gpt-4.1-mini' },
      );
      expect(moved).toHaveLength(9_900);
      expect((await batches.get(batch.id ?? ''))?.lineCounts).toMatchObject({ submitted: 9_900, pending: 0, invalid: 100 });
      const results = await batches.results(batch.id ?? '', { limit: 10_000 });
      expect(results.map((line) => line.lineIndex)).toEqual(Array.from({ length: 100 }, (_, index) => index * 100 + 99));
    }, 60_000);

    test('records outcomes idempotently: a replay changes nothing and costs are summed once', async () => {
      const batch = input();
      const id = batch.id ?? '';
      await batches.create(batch, [validLine(0), validLine(1), validLine(2), validLine(3), validLine(4)]);
      expect(await batches.markSubmitted(id, [0, 1, 2, 3], { round: 1, provider: 'openai', model: 'gpt-4.1-mini' })).toEqual([0, 1, 2, 3]);
      expect(await batches.markSubmitted(id, [0, 1, 2, 3], { round: 1, provider: 'openai', model: 'gpt-4.1-mini' })).toEqual([]);

      const outcomes = [
        { lineIndex: 0, round: 1, outcome: 'succeeded', response: completion('zero'), inputTokens: 10, outputTokens: 5, cachedTokens: 2, costNanoUsd: 1_500 },
        { customId: 'c-1', round: 1, outcome: 'succeeded', response: completion('one'), inputTokens: 11, outputTokens: 6, costNanoUsd: 2_500 },
        { lineIndex: 2, round: 1, outcome: 'failed', code: 'rate-limited', message: 'slow down', retryable: true },
        { customId: 'c-3', round: 1, outcome: 'failed', code: 'bad-request', message: 'no', retryable: false },
        { customId: 'no-such-line', round: 1, outcome: 'failed', code: 'x', message: 'x', retryable: false },
      ] as const;
      const changed = await batches.recordOutcomes(id, outcomes);
      expect(changed.map((line) => [line.lineIndex, line.status])).toEqual([
        [0, 'succeeded'],
        [1, 'succeeded'],
        [2, 'failed'],
        [3, 'failed'],
      ]);
      expect(changed[0]).toMatchObject({ response: completion('zero'), inputTokens: 10, outputTokens: 5, cachedTokens: 2, costNanoUsd: 1_500, round: 1, attempts: 1, error: null });
      expect(changed[2]).toMatchObject({ error: { code: 'rate-limited', message: 'slow down' }, retryable: true, response: null });

      expect(await batches.recordOutcomes(id, outcomes)).toEqual([]);
      // A later failure or a repeat success never overwrites a success; a failure of the same round stays.
      expect(
        await batches.recordOutcomes(id, [
          { lineIndex: 0, round: 2, outcome: 'failed', code: 'timeout', message: 'late', retryable: true },
          { lineIndex: 1, round: 2, outcome: 'succeeded', response: completion('again'), inputTokens: 1, outputTokens: 1, costNanoUsd: 9_999 },
          { lineIndex: 2, round: 1, outcome: 'succeeded', response: completion('stale'), inputTokens: 1, outputTokens: 1, costNanoUsd: 9_999 },
        ]),
      ).toEqual([]);
      const afterReplay = await batches.get(id);
      expect(afterReplay).toMatchObject({ costNanoUsd: 4_000, costUsd: 0.000004, lineCounts: { total: 5, pending: 1, succeeded: 2, failed: 2, submitted: 0 } });

      // Round 2: only the retryable failure and the pending line go out again.
      expect(await batches.markSubmitted(id, [0, 1, 2, 3, 4], { round: 2, provider: 'openai', model: 'gpt-4.1-mini' })).toEqual([2, 4]);
      expect((await batches.lines(id, { statuses: ['submitted'], round: 2, provider: 'openai', model: 'gpt-4.1-mini', limit: 10 })).map((line) => [line.lineIndex, line.attempts])).toEqual([
        [2, 2],
        [4, 1],
      ]);
      // A stale round-1 failure does not overwrite the round-2 submission.
      expect(await batches.recordOutcomes(id, [{ lineIndex: 2, round: 1, outcome: 'failed', code: 'rate-limited', message: 'slow down', retryable: true }])).toEqual([]);
      const round2 = await batches.recordOutcomes(id, [
        { lineIndex: 2, round: 2, outcome: 'succeeded', response: completion('two'), inputTokens: 3, outputTokens: 4, costNanoUsd: 1_000, provider: 'openai', model: 'gpt-4.1-mini' },
        { lineIndex: 4, round: 2, outcome: 'failed', code: 'server-error', message: 'boom', retryable: true, costNanoUsd: 7 },
      ]);
      expect(round2.map((line) => [line.lineIndex, line.status, line.round])).toEqual([
        [2, 'succeeded', 2],
        [4, 'failed', 2],
      ]);
      // A failed line changes for a later round's outcome.
      expect((await batches.recordOutcomes(id, [{ lineIndex: 4, round: 3, outcome: 'failed', code: 'server-error', message: 'again', retryable: false }])).map((line) => line.error)).toEqual([
        { code: 'server-error', message: 'again' },
      ]);
      expect(await batches.get(id)).toMatchObject({ costNanoUsd: 5_000, lineCounts: { succeeded: 3, failed: 2, pending: 0 } });

      expect(await batches.markSettled(id, [0, 1, 2])).toBe(3);
      expect(await batches.markSettled(id, [0, 1, 2])).toBe(0);
      expect((await batches.lines(id, { statuses: ['succeeded', 'failed'], settled: false, limit: 10 })).map((line) => line.lineIndex)).toEqual([3, 4]);
      expect((await batches.linesByIndices(id, [4, 0, 99])).map((line) => line.lineIndex)).toEqual([0, 4]);
    });

    test('moves the batch status forward only; a final batch refuses every write', async () => {
      const batch = input();
      const id = batch.id ?? '';
      await batches.create(batch, [validLine(0)]);
      expect(await batches.updateStatus(id, 'in_progress', { startedAt: '2031-01-01T00:01:00.000Z' })).toBe(true);
      expect(await batches.updateStatus(id, 'in_progress', { startedAt: '2031-01-01T00:09:00.000Z' })).toBe(true);
      expect((await batches.get(id))?.startedAt).toBe('2031-01-01T00:01:00.000Z');
      expect(await batches.updateStatus(id, 'validating')).toBe(false);
      expect(await batches.updateStatus(id, 'finalizing')).toBe(true);
      expect(await batches.updateStatus(id, 'in_progress')).toBe(true);
      expect(await batches.updateStatus(id, 'cancelling')).toBe(true);
      expect(await batches.updateStatus(id, 'in_progress')).toBe(false);
      expect(await batches.updateStatus(id, 'cancelled', { cancelledAt: '2031-01-01T00:05:00.000Z' })).toBe(true);
      for (const status of ['in_progress', 'cancelling', 'completed', 'failed', 'cancelled', 'expired'] as const) {
        expect(await batches.updateStatus(id, status, { error: { code: 'late', message: 'too late' } })).toBe(false);
      }
      const read = await batches.get(id);
      expect(read).toMatchObject({ status: 'cancelled', cancelledAt: '2031-01-01T00:05:00.000Z' });
      expect(read?.error).toBeUndefined();

      const failing = input();
      await batches.create(failing, [validLine(0)]);
      expect(await batches.updateStatus(failing.id ?? '', 'failed', { error: { code: 'provider-failed', message: 'the provider batch failed' } })).toBe(true);
      expect(await batches.get(failing.id ?? '')).toMatchObject({ status: 'failed', error: { code: 'provider-failed', message: 'the provider batch failed' } });
      expect((await batches.get(failing.id ?? ''))?.completedAt).toEqual(expect.any(String));
      expect(await batches.updateStatus(`batch_missing_${randomUUID()}`, 'in_progress')).toBe(false);
    });

    test('results list final lines in input order; cancel, resubmit and late successes', async () => {
      const batch = input();
      const id = batch.id ?? '';
      await batches.create(batch, [validLine(0), invalidLine(1), validLine(2), validLine(3), validLine(4), validLine(5)]);
      await batches.markSubmitted(id, [2, 3, 4], { round: 1, provider: 'openai', model: 'gpt-4.1-mini' });
      await batches.recordOutcomes(id, [
        { lineIndex: 3, round: 1, outcome: 'succeeded', response: completion('three'), inputTokens: 1, outputTokens: 1, costNanoUsd: 10 },
        { lineIndex: 4, round: 1, outcome: 'failed', code: 'timeout', message: 'slow', retryable: true },
      ]);
      // The provider job is given up: its unanswered line and the retryable failure go back to pending.
      expect(await batches.resetForResubmit(id, [2, 3, 4], 2)).toEqual([2, 4]);
      expect(await batches.resetForResubmit(id, [2, 3, 4], 2)).toEqual([]);
      expect((await batches.linesByIndices(id, [2, 4])).map((line) => [line.status, line.round, line.error])).toEqual([
        ['pending', 2, null],
        ['pending', 2, null],
      ]);
      await batches.markSubmitted(id, [4], { round: 2, provider: 'openai', model: 'gpt-4.1-mini' });

      const cancelled = await batches.markCancelled(id);
      expect(cancelled).toEqual([
        { lineIndex: 0, previousStatus: 'pending', round: 0 },
        { lineIndex: 2, previousStatus: 'pending', round: 2 },
        { lineIndex: 4, previousStatus: 'submitted', round: 2 },
        { lineIndex: 5, previousStatus: 'pending', round: 0 },
      ]);
      expect(await batches.markCancelled(id)).toEqual([]);
      // The provider answered line 4 before the cancel reached it: the success (and its cost) counts;
      // a failure does not replace the cancellation.
      const late = await batches.recordOutcomes(id, [
        { lineIndex: 4, round: 2, outcome: 'succeeded', response: completion('four'), inputTokens: 1, outputTokens: 1, costNanoUsd: 20 },
        { lineIndex: 5, round: 2, outcome: 'failed', code: 'timeout', message: 'slow', retryable: true },
      ]);
      expect(late.map((line) => line.lineIndex)).toEqual([4]);

      const results = await batches.results(id, { limit: 100 });
      expect(results).toEqual([
        { lineIndex: 0, customId: 'c-0', status: 'cancelled', response: null, error: { code: 'batch_cancelled', message: 'The batch was cancelled before this request ran.' } },
        { lineIndex: 1, customId: null, status: 'invalid', response: null, error: { code: 'invalid-json', message: 'line 2 is not JSON' } },
        { lineIndex: 2, customId: 'c-2', status: 'cancelled', response: null, error: { code: 'batch_cancelled', message: 'The batch was cancelled before this request ran.' } },
        { lineIndex: 3, customId: 'c-3', status: 'succeeded', response: completion('three'), error: null },
        { lineIndex: 4, customId: 'c-4', status: 'succeeded', response: completion('four'), error: null },
        { lineIndex: 5, customId: 'c-5', status: 'cancelled', response: null, error: { code: 'batch_cancelled', message: 'The batch was cancelled before this request ran.' } },
      ]);
      expect((await batches.results(id, { afterIndex: 1, limit: 2 })).map((line) => line.lineIndex)).toEqual([2, 3]);
      expect(await batches.get(id)).toMatchObject({ costNanoUsd: 30, lineCounts: { total: 6, invalid: 1, succeeded: 2, cancelled: 3, pending: 0, submitted: 0, failed: 0 } });
    });

    test('keeps provider jobs per round, provider and model; an upsert never erases the provider batch id', async () => {
      const batch = input();
      const id = batch.id ?? '';
      await batches.create(batch, [validLine(0)]);
      const key = { batchId: id, round: 1, provider: 'openai', model: 'gpt-4.1-mini' };
      const first = await batches.upsertJob({ ...key, status: 'pending', lineCount: 1 });
      expect(first).toMatchObject({ ...key, status: 'pending', lineCount: 1 });
      expect(first.providerBatchId).toBeUndefined();
      await batches.upsertJob({ ...key, status: 'submitted', lineCount: 1, providerBatchId: 'batch_abc', inputFileId: 'file_1' });
      const retried = await batches.upsertJob({ ...key, status: 'submitted', lineCount: 1 });
      expect(retried).toMatchObject({ providerBatchId: 'batch_abc', inputFileId: 'file_1', createdAt: first.createdAt });
      expect(await batches.updateJob(key, { status: 'completed', finishedAt: '2031-01-01T02:00:00.000Z' })).toBe(true);
      expect(await batches.updateJob({ ...key, round: 9 }, { status: 'completed' })).toBe(false);
      await batches.upsertJob({ ...key, round: 2, provider: 'anthropic', model: 'claude', status: 'pending', lineCount: 3 });
      await batches.upsertJob({ ...key, round: 1, provider: 'anthropic', model: 'claude', status: 'pending', lineCount: 2 });
      expect(await batches.getJob(key)).toMatchObject({ status: 'completed', finishedAt: '2031-01-01T02:00:00.000Z', providerBatchId: 'batch_abc' });
      expect(await batches.getJob({ ...key, model: 'other' })).toBeUndefined();
      expect((await batches.jobs(id)).map((job) => [job.round, job.provider])).toEqual([
        [1, 'anthropic'],
        [1, 'openai'],
        [2, 'anthropic'],
      ]);
    });

    test('retention deletes old finished batches with their lines and jobs, and keeps running ones', async () => {
      const old = input({ createdAt: '2001-01-01T00:00:00.000Z' });
      const running = input({ createdAt: '2001-01-01T00:00:00.000Z' });
      const recent = input({ createdAt: '2031-01-01T00:00:00.000Z' });
      for (const batch of [old, running, recent]) await batches.create(batch, [validLine(0), validLine(1)]);
      await batches.upsertJob({ batchId: old.id ?? '', round: 1, provider: 'openai', model: 'gpt-4.1-mini', status: 'completed', lineCount: 2 });
      await batches.updateStatus(old.id ?? '', 'completed');
      await batches.updateStatus(recent.id ?? '', 'completed');
      await batches.updateStatus(running.id ?? '', 'in_progress');

      expect(await batches.deleteOlderThan(new Date('2002-01-01T00:00:00.000Z'))).toBeGreaterThanOrEqual(1);
      expect(await batches.get(old.id ?? '')).toBeUndefined();
      expect(await batches.lines(old.id ?? '', { limit: 10 })).toEqual([]);
      expect(await batches.jobs(old.id ?? '')).toEqual([]);
      expect((await batches.get(running.id ?? ''))?.lineCounts.total).toBe(2);
      expect((await batches.get(recent.id ?? ''))?.lineCounts.total).toBe(2);
    });
  });
});
