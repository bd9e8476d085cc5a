/**
 * Open-loop load through the whole stack (client → API → Temporal → worker → simulator) at fixed
 * rates, with a realistic mix (RAG on and off, a cache-hit share, 10% upstream 429s), against the
 * same schedule sent straight to the simulator with the official client in the same run.
 *
 *   npm run build --silent && node dist/bench/load.js [--rates 5,10,20,40,200] [--duration-s 20] [--max-in-flight 256] [--profile-dir DIR]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DIST_ROOT } from './bench-stack.js';
import { round, summarize, type LatencySummary } from './latency-stats.js';
import { DEFAULT_MIX, stackChoice, startLoadStack } from './load-stack.js';
import { machineInfo } from './machine-info.js';
import { runOpenLoop, type OpenLoopResult } from './open-loop.js';
import { readCpuMs } from './process-sampler.js';

const { values } = parseArgs({
  options: {
    rates: { type: 'string', default: '5,10,20,40,200' },
    'duration-s': { type: 'string', default: '20' },
    'warmup-s': { type: 'string', default: '5' },
    'max-in-flight': { type: 'string', default: '256' },
    /** Writes CPU profiles of the API and worker (node --cpu-prof) into this directory. */
    'profile-dir': { type: 'string' },
    /** `split` (default, production): API and worker as their own processes; `combined`: one process, as `npm start`. */
    topology: { type: 'string', default: 'split' },
    /** Ballast's SQL store: `sqlite` (default) or `postgres` (a throwaway cluster from the Debian binaries). */
    store: { type: 'string', default: 'sqlite' },
    out: { type: 'string', default: resolve(DIST_ROOT, '..', 'bench', 'results') },
  },
});
const STACK = stackChoice({ topology: values.topology, store: values.store });
const RATES = values.rates.split(',').map(Number);
const DURATION_MS = Number(values['duration-s']) * 1000;
const WARMUP_MS = Number(values['warmup-s']) * 1000;
const MAX_IN_FLIGHT = Number(values['max-in-flight']);
if (RATES.some((rate) => !(rate > 0)) || !(DURATION_MS > 0) || !(MAX_IN_FLIGHT > 0)) throw new Error('--rates, --duration-s and --max-in-flight must be positive numbers');

/** The goal for the durable path on this machine. */
const GOAL = { ratePerSecond: 200, p99Ms: 250 };

/** One side of one rate step. */
interface SideResult {
  readonly offered: number;
  readonly completed: number;
  readonly errors: number;
  readonly dropped: number;
  readonly achievedPerSecond: number;
  readonly latencyMs: LatencySummary;
  readonly errorSamples: string[];
  readonly maxSendLagMs: number;
  /** CPU ms per completed request of each process of the stack (durable side only). */
  readonly cpuMsPerRequest?: Record<string, number>;
}

function side(result: OpenLoopResult, cpuMsPerRequest?: Record<string, number>): SideResult {
  return {
    offered: result.offered,
    completed: result.completed,
    errors: result.errors,
    dropped: result.dropped,
    achievedPerSecond: round(result.achievedPerSecond),
    latencyMs: summarize(result.latencies),
    errorSamples: result.errorSamples,
    maxSendLagMs: round(result.maxSendLagMs),
    ...(cpuMsPerRequest ? { cpuMsPerRequest } : {}),
  };
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'ballast-bench-load-'));
  const loadBefore = loadavg()[0] ?? 0;
  const started = Date.now();
  const profileDir = values['profile-dir'];
  const stack = await startLoadStack({ workDir, mix: DEFAULT_MIX, label: 'load', topology: STACK.topology, store: STACK.store, ...(profileDir ? { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', resolve(profileDir)] } : {}) });
  try {
    const temporal = await stack.infrastructure.temporal('default');
    const pids: Record<string, number> = { ...stack.variant.pids, temporal: temporal.pid, simulator: stack.infrastructure.simulatorPid };
    let sequence = 0;
    // Warm-up: connections, JIT, the cache's entries, the worker's first tasks. Dropped.
    await runOpenLoop({ ratePerSecond: Math.min(10, RATES[0] as number), durationMs: WARMUP_MS, maxInFlight: MAX_IN_FLIGHT, send: (index) => stack.durable(index) });
    await runOpenLoop({ ratePerSecond: Math.min(10, RATES[0] as number), durationMs: WARMUP_MS, maxInFlight: MAX_IN_FLIGHT, send: (index) => stack.direct(index) });

    const steps = [];
    for (const rate of RATES) {
      const base = sequence;
      sequence += Math.ceil((rate * DURATION_MS) / 1000);
      const direct = await runOpenLoop({ ratePerSecond: rate, durationMs: DURATION_MS, maxInFlight: MAX_IN_FLIGHT, send: (index) => stack.direct(base + index) });
      const cpuBefore = readCpu(pids);
      const durable = await runOpenLoop({ ratePerSecond: rate, durationMs: DURATION_MS, maxInFlight: MAX_IN_FLIGHT, send: (index) => stack.durable(base + index) });
      const cpuAfter = readCpu(pids);
      const cpuPerRequest = Object.fromEntries(Object.keys(pids).map((name) => [name, round(((cpuAfter[name] ?? 0) - (cpuBefore[name] ?? 0)) / Math.max(1, durable.completed))]));
      const step = { ratePerSecond: rate, direct: side(direct), durable: side(durable, cpuPerRequest) };
      console.error(
        `rate ${rate}/s: direct ${step.direct.achievedPerSecond}/s p50 ${step.direct.latencyMs.p50} p99 ${step.direct.latencyMs.p99} errors ${direct.errors}; ` +
          `durable ${step.durable.achievedPerSecond}/s p50 ${step.durable.latencyMs.p50} p99 ${step.durable.latencyMs.p99} errors ${durable.errors} dropped ${durable.dropped}`,
      );
      steps.push(step);
    }

    const sustained = steps.filter((step) => step.durable.errors === 0 && step.durable.dropped === 0 && step.durable.latencyMs.p99 <= GOAL.p99Ms);
    const bestSustained = sustained.reduce((best, step) => Math.max(best, step.durable.achievedPerSecond), 0);
    const report = {
      bench: 'load',
      machine: { ...machineInfo(), loadAverage1m: { before: round(loadBefore, 2), after: round(loadavg()[0] ?? 0, 2) } },
      setup: {
        topology: STACK.description,
        mix: { ...DEFAULT_MIX, plainShare: round(1 - DEFAULT_MIX.ragShare - DEFAULT_MIX.cachedShare) },
        routes: 'load-plain (gpt-4.1-mini → claude-haiku-4-5), load-rag (same + retrieval top 3 + answer validation), load-cached (same + exact cache, 5 repeated questions)',
        baseline: 'the same schedule and questions to the simulator with the official openai client (2 SDK retries, as an application would); it meets the same 429s',
        durationSPerStep: DURATION_MS / 1000,
        maxInFlight: MAX_IN_FLIGHT,
        latency: 'from each request\'s due time (open loop, no coordinated omission)',
      },
      steps,
      goal: {
        statement: `≥ ${GOAL.ratePerSecond} requests/s sustained through the durable path with p99 ≤ ${GOAL.p99Ms} ms and no errors`,
        bestSustainedPerSecond: bestSustained,
        met: bestSustained >= GOAL.ratePerSecond,
      },
      runSeconds: round((Date.now() - started) / 1000, 0),
    };
    writeFileSync(join(values.out, `load${STACK.resultSuffix}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(values.out, `load${STACK.resultSuffix}.md`), markdown(report));
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await stack.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

function readCpu(pids: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(pids).map(([name, pid]) => [name, readCpuMs(pid) ?? 0]));
}

type Report = {
  machine: ReturnType<typeof machineInfo> & { loadAverage1m: { before: number; after: number } };
  setup: Record<string, unknown> & { mix: Record<string, number> };
  steps: Array<{ ratePerSecond: number; direct: SideResult; durable: SideResult }>;
  goal: { statement: string; bestSustainedPerSecond: number; met: boolean };
  runSeconds: number;
};

function markdown(report: Report): string {
  const { machine, setup, steps, goal } = report;
  const row = (rate: number, name: string, result: SideResult) =>
    `| ${rate} | ${name} | ${result.achievedPerSecond} | ${result.latencyMs.p50} | ${result.latencyMs.p90} | ${result.latencyMs.p99} | ${result.errors} | ${result.dropped} |`;
  const cpu = (result: SideResult) =>
    Object.entries(result.cpuMsPerRequest ?? {})
      .map(([name, ms]) => `${name} ${ms}`)
      .join(', ');
  return [
    '# Load: open loop at fixed rates through the durable path vs direct',
    '',
    `${machine.date} · ${machine.cpuModel} · ${machine.cores} cores · ${machine.memoryGiB} GiB · Node ${machine.node} · load average ${machine.loadAverage1m.before} → ${machine.loadAverage1m.after} · run took ${report.runSeconds} s`,
    '',
    `Mix: ${Math.round((setup.mix['plainShare'] ?? 0) * 100)}% plain, ${Math.round((setup.mix['ragShare'] ?? 0) * 100)}% RAG (retrieval + validation), ${Math.round((setup.mix['cachedShare'] ?? 0) * 100)}% cache hits; ${Math.round((setup.mix['upstream429Share'] ?? 0) * 100)}% of primary calls answered 429 by the simulator. ${String(setup['topology'])}. Each step runs ${String(setup['durationSPerStep'])} s per side; latency is measured from each request's due time; a request due while ${String(setup['maxInFlight'])} are in flight is dropped.`,
    '',
    '| offered req/s | path | achieved req/s | p50 ms | p90 ms | p99 ms | errors | dropped |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...steps.flatMap((step) => [row(step.ratePerSecond, 'direct SDK → simulator', step.direct), row(step.ratePerSecond, '**Ballast (durable)**', step.durable)]),
    '',
    'CPU ms per completed durable request, by process:',
    '',
    ...steps.map((step) => `- ${step.ratePerSecond}/s: ${cpu(step.durable)}`),
    '',
    ...(steps.some((step) => step.durable.errorSamples.length > 0 || step.direct.errorSamples.length > 0)
      ? ['Error samples:', '', ...steps.flatMap((step) => [...step.durable.errorSamples.map((sample) => `- durable @${step.ratePerSecond}/s: ${sample}`), ...step.direct.errorSamples.map((sample) => `- direct @${step.ratePerSecond}/s: ${sample}`)]), '']
      : []),
    'Goals:',
    '',
    `- ${goal.met ? '✅' : '❌'} ${goal.statement} (highest rate sustained within the bounds: ${goal.bestSustainedPerSecond} req/s)`,
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
