import { runClosedLoop } from './load-generator.js';
import { summarize, round, type LatencySummary } from './latency-stats.js';
import { performance } from 'node:perf_hooks';
import { cpuDelta, cpuSnapshot, machineBusyMs } from './process-sampler.js';

/** How long each cell runs. */
export interface CellTiming {
  readonly warmupMs: number;
  readonly measureMs: number;
}

/** One measured closed-loop run of one target at one concurrency. */
export interface CellMeasurement {
  readonly concurrency: number;
  readonly latency: LatencySummary;
  /** Successful requests per second. */
  readonly throughput: number;
  readonly completed: number;
  readonly errors: number;
  readonly errorSamples: string[];
  /** CPU each process spent per request (successful or not) during the measured part, ms. */
  readonly cpuMsPerRequest: Record<string, number>;
  /**
   * Cores kept busy by processes this benchmark did not start, on average during the cell:
   * the machine is shared, and this says how much of it the others took.
   */
  readonly otherLoadCores: number;
  /** Raw samples, kept for pooled percentiles; left out of the JSON. */
  readonly latencies: number[];
}

/** Cap on recorded requests per cell, so even a very fast target keeps the run bounded. */
const MAX_REQUESTS_PER_CELL = 60_000;

/** Warms up, then measures `send` at `concurrency`, with the CPU the named processes used. */
export async function measureCell(
  send: () => Promise<void>,
  concurrency: number,
  timing: CellTiming,
  pids: Readonly<Record<string, number>>,
): Promise<CellMeasurement> {
  const maxRequestsPerClient = Math.ceil(MAX_REQUESTS_PER_CELL / concurrency);
  await runClosedLoop({ concurrency, durationMs: timing.warmupMs, maxRequestsPerClient, send });
  const before = cpuSnapshot({ ...pids, bench: process.pid });
  const machineBefore = machineBusyMs();
  const startedAt = performance.now();
  const result = await runClosedLoop({ concurrency, durationMs: timing.measureMs, maxRequestsPerClient, send });
  const used = cpuDelta(before, cpuSnapshot({ ...pids, bench: process.pid }));
  const machineAfter = machineBusyMs();
  const elapsedMs = performance.now() - startedAt;
  const ownMs = Object.values(used).reduce((sum, value) => sum + value, 0);
  const otherLoadCores = machineBefore !== undefined && machineAfter !== undefined ? Math.max(0, (machineAfter - machineBefore - ownMs) / elapsedMs) : Number.NaN;
  const requests = Math.max(1, result.completed + result.errors);
  return {
    concurrency,
    latency: summarize(result.latencies),
    throughput: round(result.throughput, 1),
    completed: result.completed,
    errors: result.errors,
    errorSamples: result.errorSamples,
    cpuMsPerRequest: Object.fromEntries(Object.entries(used).map(([name, ms]) => [name, round(ms / requests, 3)])),
    otherLoadCores: round(otherLoadCores, 2),
    latencies: result.latencies,
  };
}
