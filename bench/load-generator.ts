import { performance } from 'node:perf_hooks';

/** One closed-loop run: `concurrency` clients, each sending its next request when the last one ends. */
export interface ClosedLoopOptions {
  readonly concurrency: number;
  /** Clients start new requests until this much time has passed. */
  readonly durationMs: number;
  /** Hard cap on recorded requests per client, so a run stays bounded whatever the speed. */
  readonly maxRequestsPerClient: number;
  /** Sends one request; resolves when the full answer is in, rejects on any error. */
  readonly send: (clientIndex: number) => Promise<void>;
}

/** What a closed-loop run measured. Errors are counted, their latencies kept apart. */
export interface ClosedLoopResult {
  readonly concurrency: number;
  /** Latency of each successful request, ms. */
  readonly latencies: number[];
  readonly completed: number;
  readonly errors: number;
  /** Up to five distinct error messages, for the report. */
  readonly errorSamples: string[];
  /** From the start of measurement to the end of the last recorded request, ms. */
  readonly elapsedMs: number;
  /** Successful requests per second over `elapsedMs`. */
  readonly throughput: number;
}

/** Runs the closed loop and returns latencies, errors and throughput. A warm-up is just a run whose result is dropped. */
export async function runClosedLoop(options: ClosedLoopOptions): Promise<ClosedLoopResult> {
  const { durationMs, maxRequestsPerClient: maxPerClient } = options;
  const latencies: number[] = [];
  const errorSamples = new Set<string>();
  let errors = 0;
  const startedAt = performance.now();
  const deadline = startedAt + durationMs;
  let lastEnd = startedAt;

  const client = async (clientIndex: number) => {
    for (let sent = 0; sent < maxPerClient && performance.now() < deadline; sent += 1) {
      const begin = performance.now();
      try {
        await options.send(clientIndex);
        const end = performance.now();
        latencies.push(end - begin);
        lastEnd = Math.max(lastEnd, end);
      } catch (error) {
        errors += 1;
        lastEnd = Math.max(lastEnd, performance.now());
        if (errorSamples.size < 5) errorSamples.add(describe(error));
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_unused, index) => client(index)));
  const elapsedMs = lastEnd - startedAt;
  return {
    concurrency: options.concurrency,
    latencies,
    completed: latencies.length,
    errors,
    errorSamples: [...errorSamples],
    elapsedMs,
    throughput: elapsedMs > 0 ? (latencies.length * 1000) / elapsedMs : 0,
  };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    return `${status !== undefined ? `${String(status)} ` : ''}${error.name}: ${error.message}`.slice(0, 300);
  }
  return String(error).slice(0, 300);
}
