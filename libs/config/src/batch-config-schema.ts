import { z } from 'zod';

const positiveInt = z.number().int().positive();
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'use HH:MM (24-hour, UTC)');

/** A daily stretch of time (UTC) when queued batch lines may run; `end` before `start` spans midnight. */
export const OffPeakWindowSchema = z.strictObject({ start: clockTime, end: clockTime });
export type OffPeakWindow = z.infer<typeof OffPeakWindowSchema>;

/** Batch jobs (`POST /v1/batches`): provider batch APIs at their discount, or lines queued off-peak. */
export const BatchConfigSchema = z.strictObject({
  /** Most lines one batch may hold. */
  maxLines: positiveInt.max(200_000).default(50_000),
  /** Largest JSONL body `POST /v1/batches` accepts (as `application/jsonl`). */
  maxBytes: positiveInt.default(100 * 1024 * 1024),
  /** First wait between polls of a provider batch; it grows by half each poll up to `maxPollIntervalMs`. */
  pollIntervalMs: positiveInt.default(30_000),
  maxPollIntervalMs: positiveInt.default(300_000),
  /** Rounds of resubmitting lines that failed with a retryable error (rate limits, server errors, timeouts). */
  resubmitRounds: z.number().int().min(0).max(5).default(1),
  /** When a provider batch is still running this long before the batch's deadline, it is cancelled and the rest runs queued. */
  switchToQueuedBeforeMs: positiveInt.default(3_600_000),
  queued: z
    .strictObject({
      /** Lines in flight at once per batch. */
      concurrency: positiveInt.max(512).default(8),
      /** Lines per activity (a crashed worker redoes at most one slice, joining the lines it had started). */
      sliceSize: positiveInt.max(5_000).default(200),
      /** When queued lines may run (UTC); empty: any time. */
      windows: z.array(OffPeakWindowSchema).default([]),
    })
    .prefault({}),
  /** Batches (with their lines and results) older than this are deleted. */
  retentionDays: positiveInt.default(30),
});
export type BatchConfig = z.infer<typeof BatchConfigSchema>;
