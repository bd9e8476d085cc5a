/**
 * Queued-mode batch throughput and memory: a 10,000-line batch through the real stack (API and
 * worker as their own processes, a Temporal dev server on SQLite, the simulator at 0 ms), each
 * line a durable chat workflow. Baseline in the same run: the same number of direct `openai`
 * SDK calls to the simulator at the same concurrency.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/batch.js [--lines 10000] [--concurrency 32]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import OpenAI from 'openai';
import { BENCH_API_KEY, DIST_ROOT, startInfrastructure, startVariant } from './bench-stack.js';
import { machineInfo } from './machine-info.js';
import { RssSampler } from './process-sampler.js';
import { round } from './latency-stats.js';

const { values } = parseArgs({
  options: {
    lines: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '32' },
    'slice-size': { type: 'string', default: '500' },
    out: { type: 'string', default: resolve(DIST_ROOT, '..', 'bench', 'results') },
  },
});
const LINES = Number(values.lines);
const CONCURRENCY = Number(values.concurrency);
const SLICE = Number(values['slice-size']);

function inputJsonl(count: number): string {
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    lines.push(JSON.stringify({ custom_id: `line-${index}`, method: 'POST', url: '/v1/chat/completions', body: { model: 'gpt-4.1-mini', max_tokens: 40, messages: [{ role: 'user', content: `Question ${index}: what is ${index} plus one?` }] } }));
  }
  return lines.join('\n');
}

/** Direct SDK calls to the simulator at the same concurrency: what the provider alone allows. */
async function directBaseline(simulatorUrl: string, count: number): Promise<{ seconds: number; perSecond: number }> {
  const client = new OpenAI({ apiKey: 'simulated', baseURL: `${simulatorUrl}/v1`, maxRetries: 0 });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) {
        const index = next++;
        await client.chat.completions.create({ model: 'gpt-4.1-mini', max_tokens: 40, messages: [{ role: 'user', content: `Question ${index}: what is ${index} plus one?` }] });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds: round(seconds, 2), perSecond: round(count / seconds, 1) };
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'ballast-bench-batch-'));
  writeFileSync(join(workDir, 'ballast.yaml'), `batch:\n  queued:\n    concurrency: ${CONCURRENCY}\n    sliceSize: ${SLICE}\n`);
  const infrastructure = await startInfrastructure({ store: 'sqlite', workDir });
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const stack = await startVariant({ id: 'batch', startMode: 'update-with-start', callModelAs: 'activity', topology: 'split', serverProfile: 'default' }, infrastructure, 'batch');
    const baseline = await directBaseline(infrastructure.simulatorUrl, LINES);
    const sampler = new RssSampler({ ...stack.pids, temporal: stack.temporal.pid }, 500);
    sampler.start();

    const body = inputJsonl(LINES);
    const submitStarted = performance.now();
    const created = await fetch(`${stack.apiUrl}/v1/batches?mode=queued`, { method: 'POST', headers: { authorization: `Bearer ${BENCH_API_KEY}`, 'content-type': 'application/jsonl' }, body });
    if (created.status !== 202) throw new Error(`POST /v1/batches answered ${created.status}: ${await created.text()}`);
    const submitMs = performance.now() - submitStarted;
    const batch = (await created.json()) as { id: string };

    const progress: Array<{ seconds: number; completed: number }> = [];
    let final: { status: string; request_counts: Record<string, number>; cost_usd: number } | undefined;
    for (;;) {
      const state = (await (await fetch(`${stack.apiUrl}/v1/batches/${batch.id}`, { headers: { authorization: `Bearer ${BENCH_API_KEY}` } })).json()) as typeof final & {};
      progress.push({ seconds: round((performance.now() - submitStarted) / 1000, 1), completed: state.request_counts['completed'] ?? 0 });
      if (['completed', 'failed', 'cancelled', 'expired'].includes(state.status)) {
        final = state;
        break;
      }
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 1_000));
    }
    const seconds = (performance.now() - submitStarted) / 1000;
    const memory = sampler.stop();
    const resultsStarted = performance.now();
    const results = await (await fetch(`${stack.apiUrl}/v1/batches/${batch.id}/results`, { headers: { authorization: `Bearer ${BENCH_API_KEY}` } })).text();
    const resultsMs = performance.now() - resultsStarted;
    const resultLines = results.split('\n').filter((line) => line !== '').length;
    await stack.stop();

    const report = {
      bench: 'batch-queued',
      machine: { ...machineInfo(), loadAverage1m: { before: round(loadBefore, 2), after: round(loadavg()[0] ?? 0, 2) } },
      setup: { lines: LINES, concurrency: CONCURRENCY, sliceSize: SLICE, topology: 'API and worker as separate processes; Temporal dev server on SQLite; simulator at 0 ms' },
      result: {
        status: final.status,
        counts: final.request_counts,
        costUsd: final.cost_usd,
        seconds: round(seconds, 1),
        linesPerSecond: round(LINES / seconds, 1),
        submitMs: round(submitMs, 0),
        resultsDownloadMs: round(resultsMs, 0),
        resultLines,
        memoryMb: memory,
      },
      baseline: { directSdkToSimulator: baseline },
      ratio: { batchOverDirectThroughput: round(LINES / seconds / baseline.perSecond, 3) },
      progress,
    };
    writeFileSync(join(values.out, 'batch.json'), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(values.out, 'batch.md'), markdown(report));
    console.log(JSON.stringify({ ...report, progress: undefined }, null, 2));
  } finally {
    await infrastructure.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

function markdown(report: { machine: ReturnType<typeof machineInfo> & { loadAverage1m: { before: number; after: number } }; setup: { lines: number; concurrency: number; sliceSize: number }; result: Record<string, unknown> & { memoryMb: Record<string, { startMb: number; peakMb: number; endMb: number }> }; baseline: { directSdkToSimulator: { seconds: number; perSecond: number } }; ratio: { batchOverDirectThroughput: number } }): string {
  const { result } = report;
  const memoryRows = Object.entries(result.memoryMb)
    .map(([name, profile]) => `| ${name} | ${profile.startMb} | ${profile.peakMb} | ${profile.endMb} |`)
    .join('\n');
  return `# Batch jobs: queued mode, ${report.setup.lines.toLocaleString('en-US')} lines

Machine: ${report.machine.cpuModel}, ${report.machine.cores} cores, Node ${report.machine.node}, ${report.machine.date}; load average ${report.machine.loadAverage1m.before} → ${report.machine.loadAverage1m.after}.
Each line is a durable chat workflow (API and worker as separate processes, Temporal dev server on SQLite, simulator at 0 ms), ${report.setup.concurrency} in flight, slices of ${report.setup.sliceSize}.

| measure | value |
|---|---|
| status | ${String(result['status'])} (${JSON.stringify(result['counts'])}) |
| wall time, submit → completed | ${String(result['seconds'])} s |
| **lines/s** | **${String(result['linesPerSecond'])}** |
| baseline: direct SDK calls to the simulator, same concurrency | ${report.baseline.directSdkToSimulator.perSecond} /s |
| ratio batch / direct | ${report.ratio.batchOverDirectThroughput} |
| POST /v1/batches (10k-line JSONL, validated and stored) | ${String(result['submitMs'])} ms |
| GET results (JSONL, ${String(result['resultLines'])} lines) | ${String(result['resultsDownloadMs'])} ms |

Memory (RSS, MB):

| process | start | peak | end |
|---|---|---|---|
${memoryRows}

Reproduce: \`npx tsc -p tsconfig.build.json && node dist/bench/batch.js\`.
`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
