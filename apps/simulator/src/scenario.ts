import { z } from 'zod';

/** How long the simulator waits before it starts answering (time to first byte). */
export type LatencySpec =
  | { distribution: 'fixed'; value: number }
  | { distribution: 'uniform'; min: number; max: number }
  /** Long-tailed, like real providers: half the calls are faster than `median`, 1 % slower than `p99`. */
  | { distribution: 'lognormal'; median: number; p99: number };

/** Fields every fault kind shares. */
interface FaultBase {
  /** Probability (0..1) that a matching call gets this fault; default 1. Drawn from the seeded PRNG. */
  rate?: number;
  /** Fire at most this many times, then behave as if the fault were absent. */
  count?: number;
}

/** Answer with an HTTP error in the provider's own error shape. */
export interface StatusFault extends FaultBase {
  kind: 'status';
  status: number;
  /** Sent as `retry-after` (seconds). */
  retryAfterSeconds?: number;
  /** Sent as `retry-after-ms`, which both official SDKs read. */
  retryAfterMs?: number;
  /** Replaces the provider-like default message. */
  message?: string;
}

/** Never answer; the socket stays open until the client gives up. */
export interface HangFault extends FaultBase {
  kind: 'hang';
}

/** Answer 200 with a body that is not valid JSON (or a stream event that is not). */
export interface MalformedFault extends FaultBase {
  kind: 'malformed';
}

/** Streaming calls only: destroy the socket after `afterChunks` stream events. */
export interface CutStreamFault extends FaultBase {
  kind: 'cut-stream';
  afterChunks: number;
}

/** One injected failure. Faults are tried in order; the first that fires wins. */
export type Fault = StatusFault | HangFault | MalformedFault | CutStreamFault;

/** Per-line failures of a provider batch (OpenAI Batch, Anthropic Message Batches). */
export interface BatchLineFailure {
  /** Fail every Nth line, counted from 1: `every: 3` fails lines 3, 6, 9, … */
  every?: number;
  /**
   * Fail the lines with these custom_ids: a line matches when its custom_id equals one, or ends
   * with `_` followed by one (so ids behind a client's own prefix match too).
   */
  customIds?: string[];
  /** HTTP status of the line's error (default 500); the provider's error type follows from it. */
  status?: number;
  /** Replaces the provider-like default message. */
  message?: string;
  /** OpenAI `error.code`; derived from the status when absent. */
  code?: string;
}

/** How provider batches behave for the model of their (first) line. Times run on the wall clock. */
export interface BatchBehaviour {
  /** From creation to the end of processing, in ms; default {@link DEFAULT_BATCH_COMPLETION_MS}. */
  completionMs?: number;
  /** How long a cancelled batch stays `cancelling`/`canceling` before it ends, in ms; default 0. */
  cancelMs?: number;
  /**
   * How the batch ends: `completed` (default); `failed` (OpenAI: the batch fails validation, no
   * line runs; Anthropic, which has no failed batch: every line ends `errored` with an api_error);
   * `expired` (only the first `expireAfterLines` lines run, the rest expire).
   */
  outcome?: 'completed' | 'failed' | 'expired';
  /** With `outcome: 'expired'`: how many lines (in input order) finish before the batch expires; default 0. */
  expireAfterLines?: number;
  /** Lines that end with an error instead of an answer. */
  failLines?: BatchLineFailure;
}

/** Batch processing time when the scenario does not say. */
export const DEFAULT_BATCH_COMPLETION_MS = 1000;

/** How the simulator behaves for one model id (or for every model, under the key `'*'`). */
export interface Scenario {
  /** Delay before answering; none when absent. */
  latencyMs?: LatencySpec;
  /** Time between stream chunks; 0 when absent. */
  chunkDelayMs?: number;
  /** Approximate answer length in tokens (4 characters each); default 40. */
  outputTokens?: number;
  /** Estimated prompt tokens + max_tokens above this yields the provider's context-length error. */
  contextWindow?: number;
  /** Injected failures, tried in order. */
  faults?: Fault[];
  /** Scripted answers, one per answered call in order (the last repeats); absent: the simulated answer. */
  replies?: string[];
  /** Provider batches whose (first) line names this model. Chat faults and latency do not apply to batch lines. */
  batch?: BatchBehaviour;
}

const nonNegative = z.number().finite().nonnegative();
const rate = z.number().min(0).max(1).optional();
const count = z.number().int().nonnegative().optional();

const latencySchema = z.discriminatedUnion('distribution', [
  z.strictObject({ distribution: z.literal('fixed'), value: nonNegative }),
  z
    .strictObject({ distribution: z.literal('uniform'), min: nonNegative, max: nonNegative })
    .refine((latency) => latency.max >= latency.min, { message: 'uniform latency needs max >= min' }),
  z
    .strictObject({ distribution: z.literal('lognormal'), median: z.number().finite().positive(), p99: z.number().finite().positive() })
    .refine((latency) => latency.p99 >= latency.median, { message: 'lognormal latency needs p99 >= median' }),
]);

const faultSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('status'),
    status: z.number().int().min(400).max(599),
    rate,
    count,
    retryAfterSeconds: nonNegative.optional(),
    retryAfterMs: nonNegative.optional(),
    message: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal('hang'), rate, count }),
  z.strictObject({ kind: z.literal('malformed'), rate, count }),
  z.strictObject({ kind: z.literal('cut-stream'), rate, count, afterChunks: z.number().int().nonnegative() }),
]);

const batchSchema = z.strictObject({
  completionMs: nonNegative.optional(),
  cancelMs: nonNegative.optional(),
  outcome: z.enum(['completed', 'failed', 'expired']).optional(),
  expireAfterLines: z.number().int().nonnegative().optional(),
  failLines: z
    .strictObject({
      every: z.number().int().positive().optional(),
      customIds: z.array(z.string().min(1)).optional(),
      status: z.number().int().min(400).max(599).optional(),
      message: z.string().optional(),
      code: z.string().optional(),
    })
    .optional(),
});

/** Validates a scenario received over HTTP or passed in code; unknown keys are rejected to catch typos. */
export const scenarioSchema: z.ZodType<Scenario> = z.strictObject({
  latencyMs: latencySchema.optional(),
  chunkDelayMs: nonNegative.optional(),
  outputTokens: z.number().int().positive().optional(),
  contextWindow: z.number().int().positive().optional(),
  faults: z.array(faultSchema).optional(),
  replies: z.array(z.string().min(1)).min(1).optional(),
  batch: batchSchema.optional(),
});

/** Thrown when a scenario does not match {@link scenarioSchema}; the message lists every problem. */
export class InvalidScenarioError extends Error {
  override readonly name = 'InvalidScenarioError';
}

/** Returns the scenario when valid, otherwise throws an {@link InvalidScenarioError} naming each bad field. */
export function parseScenario(input: unknown): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) {
    throw new InvalidScenarioError(`Invalid scenario:\n${z.prettifyError(result.error)}`);
  }
  return result.data;
}
