import type { SimulatedError } from './provider-errors.js';
import type { SimulatedGeneration } from './simulated-generation.js';
import type { StatsRecorder } from './simulator-stats.js';

/** How a batch ends when nobody cancels it. */
export type BatchOutcome = 'completed' | 'failed' | 'expired';

/** Where a batch is, in OpenAI's words; Anthropic's handler folds them into its three statuses. */
export type BatchPhase = 'validating' | 'in_progress' | 'finalizing' | 'cancelling' | 'cancelled' | BatchOutcome;

/** What became of one line: still waiting, ran (either way), or never ran because the batch ended first. */
export type LineState = 'pending' | 'succeeded' | 'failed' | 'cancelled' | 'expired';

/** A line's answer, decided when the batch is created and revealed as the batch progresses. */
export type BatchLineResult = { readonly kind: 'succeeded'; readonly generation: SimulatedGeneration } | { readonly kind: 'failed'; readonly error: SimulatedError };

/** One request of a batch. */
export interface BatchLine {
  readonly customId: string;
  readonly model: string;
  readonly result: BatchLineResult;
}

/** The batch's timing, resolved from the scenario when it was created. */
export interface BatchTiming {
  readonly completionMs: number;
  readonly cancelMs: number;
  readonly outcome: BatchOutcome;
  readonly expireAfterLines: number;
}

/** A batch at one instant. */
export interface BatchView {
  readonly phase: BatchPhase;
  readonly terminal: boolean;
  /** Lines `0 .. linesRun - 1` have run; the others are pending, or cancelled/expired once the batch ended. */
  readonly linesRun: number;
  readonly inProgressAt: number | undefined;
  readonly finalizingAt: number | undefined;
  readonly cancellingAt: number | undefined;
  readonly endedAt: number | undefined;
  readonly counts: { readonly total: number; readonly succeeded: number; readonly failed: number; readonly cancelled: number; readonly expired: number; readonly pending: number };
}

type Ending =
  | { readonly kind: 'natural' }
  | { readonly kind: 'cancel'; readonly at: number; readonly linesRun: number }
  | { readonly kind: 'forced'; readonly at: number; readonly outcome: BatchOutcome; readonly linesRun: number };

const TERMINAL: ReadonlySet<BatchPhase> = new Set<BatchPhase>(['completed', 'failed', 'expired', 'cancelled']);

/** Share of `completionMs` spent validating before lines start, and where finalizing starts. */
const VALIDATING_SHARE = 0.1;
const FINALIZING_SHARE = 0.9;

/**
 * The provider-neutral life of one batch, computed from the wall clock at each look: validating
 * for the first 10 % of `completionMs`, lines finishing one by one in input order until 90 %,
 * finalizing, then its outcome. Nothing runs in the background, so a batch survives any number
 * of client restarts and is exactly where the clock says when polled.
 */
export class BatchRun {
  #ending: Ending = { kind: 'natural' };
  #billed = 0;
  /** Set on an Anthropic batch that "fails": every line that runs ends with this error. */
  #failAllWith: SimulatedError | undefined;

  constructor(
    readonly createdAt: number,
    readonly lines: readonly BatchLine[],
    readonly timing: BatchTiming,
  ) {}

  /** Makes every line that runs end with `error` (Anthropic has no failed batch status). */
  failAllLines(error: SimulatedError): void {
    this.#failAllWith = error;
  }

  /** A line's result as revealed once it has run. */
  resultOf(index: number): BatchLineResult {
    const line = this.lines[index];
    if (!line) throw new RangeError(`batch has no line ${index}`);
    return this.#failAllWith ? { kind: 'failed', error: this.#failAllWith } : line.result;
  }

  view(now: number): BatchView {
    const ending = this.#ending;
    let phase: BatchPhase;
    let linesRun: number;
    let endedAt: number | undefined;
    let cancellingAt: number | undefined;
    if (ending.kind === 'forced') {
      phase = ending.outcome;
      linesRun = ending.linesRun;
      endedAt = ending.at;
    } else if (ending.kind === 'cancel') {
      cancellingAt = ending.at;
      linesRun = ending.linesRun;
      endedAt = now >= ending.at + this.timing.cancelMs ? ending.at + this.timing.cancelMs : undefined;
      phase = endedAt === undefined ? 'cancelling' : 'cancelled';
    } else {
      ({ phase, linesRun, endedAt } = this.#natural(now));
    }
    // In progress once validated, unless it stopped before that or failed validation.
    const validatedAt = this.#validatedAt();
    const stoppedAt = cancellingAt ?? (ending.kind === 'forced' ? ending.at : now);
    const failedValidation = ending.kind === 'natural' && this.timing.outcome === 'failed';
    const inProgressAt = stoppedAt >= validatedAt && !failedValidation ? validatedAt : undefined;
    const finalizingAt = phase === 'finalizing' || (phase === 'completed' && ending.kind === 'natural') ? this.#processedAt() : undefined;
    return { phase, terminal: TERMINAL.has(phase), linesRun, inProgressAt, finalizingAt, cancellingAt, endedAt, counts: this.#count(phase, linesRun) };
  }

  /** A line's state in a view. */
  lineState(view: BatchView, index: number): LineState {
    if (index < view.linesRun) return this.resultOf(index).kind;
    if (view.phase === 'cancelled') return 'cancelled';
    if (view.phase === 'expired') return 'expired';
    return 'pending';
  }

  /** Like {@link view}, and bills the lines that ran since the last look (calls, tokens, failures). */
  observe(now: number, stats: StatsRecorder): BatchView {
    const view = this.view(now);
    for (; this.#billed < view.linesRun; this.#billed += 1) {
      const line = this.lines[this.#billed];
      if (!line) break;
      const result = this.resultOf(this.#billed);
      stats.recordCall(line.model);
      if (result.kind === 'succeeded') stats.recordSuccess(line.model, result.generation);
      else stats.recordFailure(line.model, result.error.status);
    }
    return view;
  }

  /** Starts cancelling: lines that ran so far keep their results, the rest are cancelled. False when already ended. */
  cancel(now: number): boolean {
    const view = this.view(now);
    if (view.terminal) return false;
    if (view.phase !== 'cancelling') this.#ending = { kind: 'cancel', at: now, linesRun: view.linesRun };
    return true;
  }

  /** Ends the batch now with `outcome` (control API). False when already ended. */
  finish(now: number, outcome: BatchOutcome): boolean {
    const view = this.view(now);
    if (view.terminal) return false;
    const linesRun = outcome === 'completed' ? this.lines.length : outcome === 'failed' ? 0 : view.linesRun;
    this.#ending = { kind: 'forced', at: now, outcome, linesRun };
    return true;
  }

  #validatedAt(): number {
    return this.createdAt + this.timing.completionMs * VALIDATING_SHARE;
  }

  #processedAt(): number {
    return this.createdAt + this.timing.completionMs * FINALIZING_SHARE;
  }

  #cap(lines: number): number {
    if (this.timing.outcome === 'failed') return 0;
    return this.timing.outcome === 'expired' ? Math.min(lines, this.timing.expireAfterLines) : lines;
  }

  #natural(now: number): { phase: BatchPhase; linesRun: number; endedAt: number | undefined } {
    const { outcome, completionMs } = this.timing;
    const validatedAt = this.#validatedAt();
    const processedAt = this.#processedAt();
    const total = this.lines.length;
    if (outcome === 'failed') {
      return now >= validatedAt ? { phase: 'failed', linesRun: 0, endedAt: validatedAt } : { phase: 'validating', linesRun: 0, endedAt: undefined };
    }
    const dueAt = this.createdAt + completionMs;
    if (now >= dueAt) return { phase: outcome, linesRun: this.#cap(total), endedAt: dueAt };
    if (now < validatedAt) return { phase: 'validating', linesRun: 0, endedAt: undefined };
    const share = Math.min(1, (now - validatedAt) / (processedAt - validatedAt));
    const linesRun = this.#cap(Math.floor(total * share));
    const phase = now < processedAt || outcome === 'expired' ? 'in_progress' : 'finalizing';
    return { phase, linesRun, endedAt: undefined };
  }

  #count(phase: BatchPhase, linesRun: number): BatchView['counts'] {
    const counts = { total: this.lines.length, succeeded: 0, failed: 0, cancelled: 0, expired: 0, pending: 0 };
    for (let index = 0; index < this.lines.length; index += 1) {
      if (index < linesRun) counts[this.resultOf(index).kind] += 1;
      else if (phase === 'cancelled') counts.cancelled += 1;
      else if (phase === 'expired') counts.expired += 1;
      else counts.pending += 1;
    }
    return counts;
  }
}
