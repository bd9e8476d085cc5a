import { fitToWidth, formatDuration, progressBar } from '../../progress/format.js';
import type { OutputStream } from '../../progress/progress-display.js';
import { formatUsd } from './format-batch.js';

/** Where a batch stands, as the progress line shows it. */
export interface BatchProgressSnapshot {
  readonly status: string;
  /** Requests finished (completed + failed). */
  readonly done: number;
  /** Requests that run (total - invalid). */
  readonly expected: number;
  readonly failed: number;
  readonly costUsd: number;
  readonly elapsedMs: number;
  /** Undefined while there is no rate to go by. */
  readonly etaMs: number | undefined;
}

/**
 * `in_progress  12/40 (2 failed) [######------]  $0.0123  3m 05s  ETA 7m 30s`, fitted to `width`;
 * without a width (logs): no bar.
 */
export function batchProgressLine(snapshot: BatchProgressSnapshot, width?: number): string {
  const counts = `${snapshot.done}/${snapshot.expected}${snapshot.failed > 0 ? ` (${snapshot.failed} failed)` : ''}`;
  const eta = snapshot.etaMs === undefined ? 'ETA -' : `ETA ${formatDuration(snapshot.etaMs)}`;
  const tail = `${formatUsd(snapshot.costUsd)}  ${formatDuration(snapshot.elapsedMs)}  ${eta}`;
  const text = `${snapshot.status}  ${counts}  ${tail}`;
  if (width === undefined) return text;
  const barWidth = Math.min(30, width - text.length - 2);
  const bar = barWidth >= 6 ? ` ${progressBar(snapshot.expected > 0 ? snapshot.done / snapshot.expected : 0, barWidth)} ` : '  ';
  return fitToWidth(`${snapshot.status}  ${counts}${bar}${tail}`, width);
}

/**
 * Estimates the time left from the rate seen while following (done per millisecond since the
 * first observation); before any progress is seen, from the rate since the batch was created.
 */
export class EtaEstimator {
  private first: { atMs: number; done: number } | undefined;

  estimate(atMs: number, done: number, expected: number, elapsedMs: number): number | undefined {
    const remaining = expected - done;
    if (remaining <= 0) return 0;
    this.first ??= { atMs, done };
    const seenDone = done - this.first.done;
    const seenMs = atMs - this.first.atMs;
    if (seenDone > 0 && seenMs > 0) return (remaining * seenMs) / seenDone;
    if (done > 0 && elapsedMs > 0) return (remaining * elapsedMs) / done;
    return undefined;
  }
}

/**
 * Progress of a batch being followed. On a terminal: one line redrawn in place with `\r`.
 * Elsewhere (logs, pipes): a line when the status changes, or when the count changed and
 * `lineIntervalMs` passed since the last line.
 */
export interface BatchProgress {
  update(snapshot: BatchProgressSnapshot, nowMs: number): void;
  /** Ends the progress line (a terminal: after drawing `snapshot`). */
  finish(snapshot?: BatchProgressSnapshot): void;
}

export function createBatchProgress(output: OutputStream, lineIntervalMs = 10_000): BatchProgress {
  return output.isTTY ? new TerminalBatchProgress(output) : new LineBatchProgress(output, lineIntervalMs);
}

class TerminalBatchProgress implements BatchProgress {
  private drawn = 0;

  constructor(private readonly output: OutputStream) {}

  update(snapshot: BatchProgressSnapshot): void {
    // One column short of the width: writing the last column makes some terminals wrap.
    const line = batchProgressLine(snapshot, Math.max(20, (this.output.columns ?? 80) - 1));
    this.output.write(`\r${line}${' '.repeat(Math.max(0, this.drawn - line.length))}`);
    this.drawn = line.length;
  }

  finish(snapshot?: BatchProgressSnapshot): void {
    if (snapshot) this.update(snapshot);
    if (this.drawn > 0) this.output.write('\n');
    this.drawn = 0;
  }
}

class LineBatchProgress implements BatchProgress {
  private last: { status: string; done: number; atMs: number } | undefined;

  constructor(
    private readonly output: OutputStream,
    private readonly lineIntervalMs: number,
  ) {}

  update(snapshot: BatchProgressSnapshot, nowMs: number): void {
    const last = this.last;
    const due = !last || last.status !== snapshot.status || (last.done !== snapshot.done && nowMs - last.atMs >= this.lineIntervalMs);
    if (!due) return;
    this.last = { status: snapshot.status, done: snapshot.done, atMs: nowMs };
    this.output.write(`${batchProgressLine(snapshot)}\n`);
  }

  finish(): void {}
}
