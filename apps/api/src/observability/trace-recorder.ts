import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { TraceRecord, TracesRepository } from '#libs/store';
import type { RequestMetrics } from './request-metrics.js';
import type { TraceContentPolicy } from './trace-content.js';
import type { TraceDraft } from './trace-draft.js';

/** How the recorder batches. */
export interface TraceRecorderOptions {
  readonly enabled: boolean;
  readonly flushIntervalMs: number;
  readonly maxBatch: number;
  readonly maxQueue: number;
  /** Traces older than this are deleted, checked hourly. */
  readonly retentionDays: number;
}

const RETENTION_CHECK_MS = 3_600_000;
// Traces rendered and inserted per slice; the event loop gets a turn between slices, so a flush
// of a full batch never holds up the requests in flight for more than a few milliseconds.
const SLICE = 50;
const DAY_MS = 86_400_000;

/**
 * Records every chat request off the response path: `record` only counts the request in the
 * metrics and queues its draft (microseconds); a timer renders the content (redaction, hashes)
 * and writes queued traces in one transaction per batch. A full queue drops new traces and
 * counts them rather than let memory grow; a failed write is retried once on the next flush,
 * then dropped and counted. `close` writes what is queued.
 */
export class TraceRecorder implements OnApplicationShutdown {
  private readonly logger = new Logger('TraceRecorder');
  private queue: TraceDraft[] = [];
  private retry: TraceRecord[] = [];
  private flushing: Promise<void> | undefined;
  private flushScheduled = false;
  private readonly timer: NodeJS.Timeout | undefined;
  private lastRetentionCheck = 0;

  constructor(
    private readonly traces: TracesRepository,
    private readonly content: TraceContentPolicy,
    private readonly metrics: RequestMetrics,
    private readonly options: TraceRecorderOptions,
  ) {
    if (options.enabled) {
      this.timer = setInterval(() => void this.flush(), options.flushIntervalMs);
      // Waiting traces never keep a process alive that has nothing else to do.
      this.timer.unref();
    }
  }

  /** Counts the request and queues its trace; never throws and never waits. */
  record(draft: TraceDraft): void {
    this.metrics.observe(draft);
    if (!this.options.enabled) return;
    if (this.queue.length >= this.options.maxQueue) {
      this.metrics.tracesDropped.inc();
      return;
    }
    this.queue.push(draft);
    this.metrics.traceQueueDepth.set(this.queue.length);
    // A full batch is written soon, but never inside the request that filled it.
    if (this.queue.length >= this.options.maxBatch && !this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        void this.flush();
      });
    }
  }

  /** Writes everything queued so far (one flush at a time; a second call waits for the first). */
  async flush(): Promise<void> {
    while (this.flushing !== undefined) await this.flushing;
    if (this.queue.length === 0 && this.retry.length === 0) return;
    this.flushing = this.writeQueued().finally(() => {
      this.flushing = undefined;
    });
    await this.flushing;
  }

  /** Nest's shutdown hook: nothing queued is lost on a graceful stop. */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /** Stops the timer and writes what is queued. */
  async close(): Promise<void> {
    if (this.timer !== undefined) clearInterval(this.timer);
    await this.flush();
  }

  private async writeQueued(): Promise<void> {
    const drafts = this.queue.splice(0, this.options.maxBatch);
    this.metrics.traceQueueDepth.set(this.queue.length);
    const retried = this.retry;
    this.retry = [];
    const stopTimer = this.metrics.traceFlushSeconds.startTimer();
    let written = 0;
    try {
      if (retried.length > 0) {
        await this.traces.insertMany(retried);
        written += retried.length;
      }
    } catch (error) {
      // A batch that failed before is dropped rather than retried forever.
      this.metrics.tracesDropped.inc(retried.length);
      this.logger.warn(`dropped ${retried.length} trace(s) that could not be written twice: ${messageOf(error)}`);
    }
    for (let start = 0; start < drafts.length; start += SLICE) {
      const records = drafts.slice(start, start + SLICE).map((draft) => this.render(draft));
      try {
        await this.traces.insertMany(records);
        written += records.length;
      } catch (error) {
        // Retried once with the next flush.
        this.retry.push(...records);
        this.logger.warn(`could not write ${records.length} trace(s): ${messageOf(error)}`);
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.metrics.tracesWritten.inc(written);
    stopTimer();
    if (this.queue.length >= this.options.maxBatch) await this.writeQueued();
    await this.applyRetention();
  }

  // Every replica may do this; deleting what is already gone is harmless.
  private async applyRetention(): Promise<void> {
    const now = Date.now();
    if (now - this.lastRetentionCheck < RETENTION_CHECK_MS) return;
    this.lastRetentionCheck = now;
    try {
      await this.traces.deleteOlderThan(new Date(now - this.options.retentionDays * DAY_MS));
    } catch (error) {
      this.logger.warn(`could not delete expired traces: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private render(draft: TraceDraft): TraceRecord {
    const { rawPrompt, rawResponse, ...facts } = draft;
    return { ...facts, ...this.content.render(draft.tenantId, rawPrompt, rawResponse) };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
