/**
 * Bench-only preload (`node --import dist/bench/loop-lag-probe.js …`): when
 * BALLAST_PROBE_FILE is set, appends one JSON line per interval with the process's event-loop
 * delay (p50/p99/max over the interval), RSS and heap, so the soak can watch the API and the
 * worker from outside without either of them knowing. Nothing happens when the variable is unset.
 */
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** One line of the probe file. */
export interface ProbeSample {
  /** Epoch ms of the sample. */
  readonly at: number;
  readonly rssMb: number;
  readonly heapUsedMb: number;
  readonly lagP50Ms: number;
  readonly lagP99Ms: number;
  readonly lagMaxMs: number;
}

const file = process.env['BALLAST_PROBE_FILE'];
if (file) {
  const intervalMs = Number(process.env['BALLAST_PROBE_INTERVAL_MS'] ?? 1000);
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  const ms = (nanoseconds: number) => Math.round((nanoseconds / 1e6) * 100) / 100;
  const timer = setInterval(() => {
    const memory = process.memoryUsage();
    const sample: ProbeSample = {
      at: Date.now(),
      rssMb: mb(memory.rss),
      heapUsedMb: mb(memory.heapUsed),
      lagP50Ms: ms(histogram.percentile(50)),
      lagP99Ms: ms(histogram.percentile(99)),
      lagMaxMs: ms(histogram.max),
    };
    histogram.reset();
    appendFileSync(file, `${JSON.stringify(sample)}\n`);
  }, intervalMs);
  timer.unref();
}
