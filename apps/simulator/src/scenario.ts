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

/** Validates a scenario received over HTTP or passed in code; unknown keys are rejected to catch typos. */
export const scenarioSchema: z.ZodType<Scenario> = z.strictObject({
  latencyMs: latencySchema.optional(),
  chunkDelayMs: nonNegative.optional(),
  outputTokens: z.number().int().positive().optional(),
  contextWindow: z.number().int().positive().optional(),
  faults: z.array(faultSchema).optional(),
  replies: z.array(z.string().min(1)).min(1).optional(),
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
