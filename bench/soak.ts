/**
 * Soak: the load mix at one sustained open-loop rate for 10 minutes through the whole stack,
 * sampling RSS, heap and event-loop delay of the API and the worker (a preload probe in each
 * process) and RSS of the Temporal server and simulator. Passes when no request fails or is
 * dropped and each process's memory after the warm-up grows less than 5%.
 *
 *   npm run build --silent && node dist/bench/soak.js [--rate 5] [--minutes 10] [--warmup-minutes 2]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DIST_ROOT } from './bench-stack.js';
import { median, round, summarize, type LatencySummary } from './latency-stats.js';
import { DEFAULT_MIX, stackChoice, startLoadStack } from './load-stack.js';
import type { ProbeSample } from './loop-lag-probe.js';
import { machineInfo } from './machine-info.js';
import { runOpenLoop } from './open-loop.js';
import { readRssMb } from './process-sampler.js';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '5' },
    minutes: { type: 'string', default: '10' },
    'warmup-minutes': { type: 'string', default: '2' },
    'max-in-flight': { type: 'string', default: '256' },
    /** `split` (default, production): API and worker as their own processes; `combined`: one process, as `npm start`. */
    topology: { type: 'string', default: 'split' },
    /** Ballast's SQL store: `sqlite` (default) or `postgres` (a throwaway cluster from the Debian binaries). */
    store: { type: 'string', default: 'sqlite' },
    out: { type: 'string', default: resolve(DIST_ROOT, '..', 'bench', 'results') },
    /** Only writes the Markdown of an earlier run's JSON (next to it), e.g. after the report's layout changed. */
    'from-json': { type: 'string' },
  },
});
const STACK = stackChoice({ topology: values.topology, store: values.store });
const RATE = Number(values.rate);
const DURATION_MS = Number(values.minutes) * 60_000;
const WARMUP_MS = Number(values['warmup-minutes']) * 60_000;
const MAX_IN_FLIGHT = Number(values['max-in-flight']);
if (!(RATE > 0) || !(DURATION_MS > 0) || !(WARMUP_MS >= 0) || WARMUP_MS >= DURATION_MS) throw new Error('--rate and --minutes must be positive and --warmup-minutes shorter than --minutes');
/** The issue's bound on memory growth after the warm-up. */
const MAX_GROWTH = 0.05;
/** Memory is compared as the median of this window at each end, so one GC's timing does not decide. */
const WINDOW_MS = 60_000;

/** The processes whose memory decides the verdict. */
const JUDGED = ['api', 'worker', 'api+worker'];

/** Memory of one process over the soak. */
interface ProcessMemory {
  /** Median RSS of the first minute after the warm-up and of the last minute, MiB. */
  readonly rssAfterWarmupMb: number;
  readonly rssEndMb: number;
  readonly rssGrowth: number;
  readonly heapAfterWarmupMb?: number;
  readonly heapEndMb?: number;
  /** Event-loop delay over the soak: medians and worst of the per-second p99s, ms. */
  readonly loopDelay?: { readonly p99MedianMs: number; readonly p99WorstMs: number; readonly maxMs: number };
  /** RSS per minute since the start (median of each minute), MiB. */
  readonly rssByMinuteMb: number[];
  readonly passed: boolean;
}

interface Sample {
  readonly at: number;
  readonly rssMb: number;
  readonly heapUsedMb?: number;
  readonly lagP99Ms?: number;
  readonly lagMaxMs?: number;
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'ballast-bench-soak-'));
  const loadBefore = loadavg()[0] ?? 0;
  const stack = await startLoadStack({ workDir, mix: DEFAULT_MIX, label: 'soak', topology: STACK.topology, store: STACK.store });
  try {
    const temporal = await stack.infrastructure.temporal('default');
    const outside: Record<string, number> = { temporal: temporal.pid, simulator: stack.infrastructure.simulatorPid };
    const outsideSamples: Record<string, Sample[]> = { temporal: [], simulator: [] };
    const sampler = setInterval(() => {
      for (const [name, pid] of Object.entries(outside)) {
        const rssMb = readRssMb(pid);
        if (rssMb !== undefined) outsideSamples[name]?.push({ at: Date.now(), rssMb });
      }
    }, 1000);
    const startedAt = Date.now();
    const result = await runOpenLoop({ ratePerSecond: RATE, durationMs: DURATION_MS, maxInFlight: MAX_IN_FLIGHT, send: (index) => stack.durable(index) });
    clearInterval(sampler);
    const endedAt = Date.now();

    const processes: Record<string, ProcessMemory> = {};
    for (const [name, file] of Object.entries(stack.probeFiles)) {
      const samples = readProbe(file);
      // Only the processes the topology runs write a probe file.
      if (samples.length > 0) processes[name] = memoryOf(samples, startedAt, endedAt);
    }
    for (const [name, samples] of Object.entries(outsideSamples)) processes[name] = memoryOf(samples, startedAt, endedAt);
    const latency: LatencySummary = summarize(result.latencies);
    // Ballast's own processes decide the verdict. The Temporal dev server keeps every closed
    // workflow's history in its SQLite store for the retention period (data, not a leak), and the
    // simulator stands in for a paid API: both are reported only.
    const judged = JUDGED;
    const passed = result.errors === 0 && result.dropped === 0 && judged.every((name) => processes[name] === undefined || processes[name].passed) && judged.some((name) => processes[name] !== undefined);
    const report = {
      bench: 'soak',
      machine: { ...machineInfo(), loadAverage1m: { before: round(loadBefore, 2), after: round(loadavg()[0] ?? 0, 2) } },
      setup: {
        ratePerSecond: RATE,
        minutes: DURATION_MS / 60_000,
        warmupMinutes: WARMUP_MS / 60_000,
        mix: DEFAULT_MIX,
        topology: STACK.description,
        memoryRule: `median RSS of the last minute vs the first minute after the warm-up, < ${MAX_GROWTH * 100}% growth for Ballast's processes (${JUDGED.join(', ')}: those the topology runs)`,
      },
      requests: { offered: result.offered, completed: result.completed, errors: result.errors, dropped: result.dropped, achievedPerSecond: round(result.achievedPerSecond), latencyMs: latency, errorSamples: result.errorSamples },
      processes,
      passed,
    };
    writeFileSync(join(values.out, `soak${STACK.resultSuffix}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(values.out, `soak${STACK.resultSuffix}.md`), markdown(report));
    console.log(JSON.stringify(report, null, 2));
    if (!passed) process.exitCode = 1;
  } finally {
    await stack.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

function readProbe(file: string): Sample[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ProbeSample)
    .map((sample) => ({ at: sample.at, rssMb: sample.rssMb, heapUsedMb: sample.heapUsedMb, lagP99Ms: sample.lagP99Ms, lagMaxMs: sample.lagMaxMs }));
}

function memoryOf(all: readonly Sample[], startedAt: number, endedAt: number): ProcessMemory {
  const samples = all.filter((sample) => sample.at >= startedAt && sample.at <= endedAt);
  const between = (from: number, to: number) => samples.filter((sample) => sample.at >= from && sample.at < to);
  const afterWarmup = between(startedAt + WARMUP_MS, startedAt + WARMUP_MS + WINDOW_MS);
  const last = between(endedAt - WINDOW_MS, endedAt + 1);
  const rssAfterWarmupMb = round(median(afterWarmup.map((sample) => sample.rssMb)), 1);
  const rssEndMb = round(median(last.map((sample) => sample.rssMb)), 1);
  const rssGrowth = round((rssEndMb - rssAfterWarmupMb) / rssAfterWarmupMb, 4);
  const heap = (window: readonly Sample[]) => round(median(window.flatMap((sample) => (sample.heapUsedMb === undefined ? [] : [sample.heapUsedMb]))), 1);
  const lags = samples.flatMap((sample) => (sample.lagP99Ms === undefined ? [] : [sample.lagP99Ms]));
  const minutes = Math.max(1, Math.round((endedAt - startedAt) / 60_000));
  return {
    rssAfterWarmupMb,
    rssEndMb,
    rssGrowth,
    ...(lags.length > 0
      ? {
          heapAfterWarmupMb: heap(afterWarmup),
          heapEndMb: heap(last),
          loopDelay: { p99MedianMs: round(median(lags)), p99WorstMs: round(Math.max(...lags)), maxMs: round(Math.max(...samples.map((sample) => sample.lagMaxMs ?? 0))) },
        }
      : {}),
    rssByMinuteMb: Array.from({ length: minutes }, (_unused, minute) => round(median(between(startedAt + minute * 60_000, startedAt + (minute + 1) * 60_000).map((sample) => sample.rssMb)), 1)),
    passed: Number.isFinite(rssGrowth) && rssGrowth < MAX_GROWTH,
  };
}

type Report = {
  machine: ReturnType<typeof machineInfo> & { loadAverage1m: { before: number; after: number } };
  setup: { ratePerSecond: number; minutes: number; warmupMinutes: number; memoryRule: string; topology: string };
  requests: { offered: number; completed: number; errors: number; dropped: number; achievedPerSecond: number; latencyMs: LatencySummary; errorSamples: string[] };
  processes: Record<string, ProcessMemory>;
  passed: boolean;
};

function markdown(report: Report): string {
  const { machine, setup, requests, processes } = report;
  const percent = (value: number) => `${value >= 0 ? '+' : ''}${round(value * 100, 2)}%`;
  return [
    '# Soak: sustained load through the durable path',
    '',
    `${machine.date} · ${machine.cpuModel} · ${machine.cores} cores · ${machine.memoryGiB} GiB · Node ${machine.node} · load average ${machine.loadAverage1m.before} → ${machine.loadAverage1m.after}`,
    '',
    `${setup.ratePerSecond} req/s open loop for ${setup.minutes} minutes (warm-up ${setup.warmupMinutes}), the load mix of \`bench/load.ts\`; ${setup.topology}.`,
    '',
    `Requests: ${requests.offered} offered, ${requests.completed} answered, ${requests.errors} failed, ${requests.dropped} dropped; achieved ${requests.achievedPerSecond} req/s; latency p50 ${requests.latencyMs.p50} ms, p90 ${requests.latencyMs.p90} ms, p99 ${requests.latencyMs.p99} ms.`,
    '',
    '| process | RSS after warm-up MiB | RSS at end MiB | growth | heap after warm-up / end MiB | event-loop delay p99: median / worst ms | verdict |',
    '| --- | ---: | ---: | ---: | --- | --- | :---: |',
    ...Object.entries(processes).map(
      ([name, memory]) =>
        `| ${name} | ${memory.rssAfterWarmupMb} | ${memory.rssEndMb} | ${percent(memory.rssGrowth)} | ${memory.heapAfterWarmupMb ?? '–'} / ${memory.heapEndMb ?? '–'} | ${memory.loopDelay ? `${memory.loopDelay.p99MedianMs} / ${memory.loopDelay.p99WorstMs}` : '–'} | ${!JUDGED.includes(name) ? 'reported' : memory.passed ? 'pass' : 'fail'} |`,
    ),
    '',
    'RSS by minute (MiB):',
    '',
    ...Object.entries(processes).map(([name, memory]) => `- ${name}: ${memory.rssByMinuteMb.join(', ')}`),
    '',
    `Rule: ${setup.memoryRule}, and no request failed or dropped. The Temporal server and the simulator are reported, not judged: the server keeps every closed workflow's history for the namespace's retention period, and the simulator stands in for a paid API.`,
    '',
    'Goals:',
    '',
    `- ${requests.errors === 0 && requests.dropped === 0 ? '✅' : '❌'} no request failed or dropped (${requests.completed} of ${requests.offered} answered)`,
    ...Object.entries(processes)
      .filter(([name]) => JUDGED.includes(name))
      .map(([name, memory]) => `- ${memory.passed ? '✅' : '❌'} ${name}: memory grows < ${MAX_GROWTH * 100}% after the warm-up (${percent(memory.rssGrowth)})`),
    '',
    `Verdict: **${report.passed ? 'pass' : 'fail'}**.`,
    '',
  ].join('\n');
}

const fromJson = values['from-json'];
const run = fromJson ? async () => writeFileSync(fromJson.replace(/\.json$/, '.md'), markdown(JSON.parse(readFileSync(fromJson, 'utf8')) as Report)) : main;
run().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
