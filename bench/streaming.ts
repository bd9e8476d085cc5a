/**
 * Streaming through Ballast: time to first token (TTFT) of `stream: true` through the API, its
 * workflow and the in-process relay, against a direct streaming `openai` SDK call to the same
 * simulator in the same run (interleaved, same prompt, same pacing); relay throughput in tokens/s.
 * API and worker run in one process, as `npm start` runs them (the in-process relay, ADR 0012).
 *
 *   npm run build --silent && node dist/bench/streaming.js [--samples 100] [--long-tokens 4000] [--call-model-as activity|local-activity] [--start-mode update-with-start|eager]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import OpenAI from 'openai';
import { InProcessStreamRelay } from '#libs/streaming';
import { BENCH_API_KEY, DIST_ROOT, startInfrastructure, startVariant } from './bench-stack.js';
import { round, summarize, type LatencySummary } from './latency-stats.js';
import { machineInfo } from './machine-info.js';

const { values } = parseArgs({
  options: {
    samples: { type: 'string', default: '100' },
    'long-tokens': { type: 'string', default: '4000' },
    'call-model-as': { type: 'string', default: 'activity' },
    'start-mode': { type: 'string', default: 'update-with-start' },
    out: { type: 'string', default: resolve(DIST_ROOT, '..', 'bench', 'results') },
  },
});
const SAMPLES = Number(values.samples);
const LONG_TOKENS = Number(values['long-tokens']);
const CALL_MODEL_AS = values['call-model-as'] === 'local-activity' ? 'local-activity' : 'activity';
const START_MODE = values['start-mode'] === 'eager' ? 'eager' : 'update-with-start';
/** Results of the default run (Update-with-Start, activity) keep the plain name; other variants are suffixed. */
const RESULT_NAME = ['streaming', ...(START_MODE === 'eager' ? ['eager'] : []), ...(CALL_MODEL_AS === 'activity' ? [] : [CALL_MODEL_AS])].join('-');
/** Catalog models (the API accepts no other), given simulator scenarios: paced like a provider, so the first token is not the whole answer; and one long unpaced answer. */
const PACED_MODEL = 'gpt-4.1-mini';
const LONG_MODEL = 'gpt-4.1';

interface StreamTiming {
  readonly ttftMs: number;
  readonly totalMs: number;
  readonly deltas: number;
}

async function timeStream(client: OpenAI, model: string, content: string): Promise<StreamTiming> {
  const started = performance.now();
  const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content }], stream: true, stream_options: { include_usage: true } });
  let first: number | undefined;
  let deltas = 0;
  for await (const chunk of stream) {
    if (chunk.choices[0]?.delta?.content) {
      first ??= performance.now();
      deltas += 1;
    }
  }
  const ended = performance.now();
  if (first === undefined) throw new Error(`no content from ${model}`);
  return { ttftMs: first - started, totalMs: ended - started, deltas };
}

/** Events per second through the in-process relay alone: publish → listener, no network. */
async function relayMicrobench(events: number): Promise<number> {
  const relay = new InProcessStreamRelay();
  let received = 0;
  const subscription = await relay.subscribe('req_bench', () => {
    received += 1;
  });
  const source = { targetIndex: 0, attempt: 1, provider: 'openai', model: 'bench' };
  const started = performance.now();
  for (let index = 0; index < events; index++) relay.publish('req_bench', { type: 'text-delta', source, text: 'token ' });
  const seconds = (performance.now() - started) / 1000;
  await subscription.close();
  if (received !== events) throw new Error(`relay delivered ${received} of ${events}`);
  return round(events / seconds, 0);
}

async function setScenario(simulatorUrl: string, model: string, scenario: unknown): Promise<void> {
  const response = await fetch(`${simulatorUrl}/_sim/scenarios/${model}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scenario) });
  if (!response.ok) throw new Error(`scenario ${model}: ${response.status} ${await response.text()}`);
}

async function main(): Promise<void> {
  const workDir = mkdtempSync(join(tmpdir(), 'ballast-bench-streaming-'));
  const infrastructure = await startInfrastructure({ store: 'sqlite', workDir });
  const loadBefore = loadavg()[0] ?? 0;
  try {
    await setScenario(infrastructure.simulatorUrl, PACED_MODEL, { outputTokens: 40, chunkDelayMs: 5 });
    await setScenario(infrastructure.simulatorUrl, LONG_MODEL, { outputTokens: LONG_TOKENS });
    const stack = await startVariant({ id: 'streaming', startMode: START_MODE, callModelAs: CALL_MODEL_AS, topology: 'combined', serverProfile: 'default' }, infrastructure, 'streaming');
    const direct = new OpenAI({ apiKey: 'simulated', baseURL: `${infrastructure.simulatorUrl}/v1`, maxRetries: 0 });
    const ballast = new OpenAI({ apiKey: BENCH_API_KEY, baseURL: `${stack.apiUrl}/v1`, maxRetries: 0 });

    // Warm both paths (connections, JIT, the worker's first workflow tasks).
    for (let index = 0; index < 10; index++) {
      await timeStream(direct, PACED_MODEL, `warm-up ${index}`);
      await timeStream(ballast, PACED_MODEL, `warm-up ${index}`);
    }
    const directTimings: StreamTiming[] = [];
    const ballastTimings: StreamTiming[] = [];
    for (let index = 0; index < SAMPLES; index++) {
      // Interleaved, so drift in machine load hits both sides alike.
      directTimings.push(await timeStream(direct, PACED_MODEL, `Question ${index}: what is streaming?`));
      ballastTimings.push(await timeStream(ballast, PACED_MODEL, `Question ${index}: what is streaming?`));
    }
    const directLong = await timeStream(direct, LONG_MODEL, 'Write a long essay.');
    const ballastLong = await timeStream(ballast, LONG_MODEL, 'Write a long essay.');
    const relayEventsPerSecond = await relayMicrobench(200_000);
    await stack.stop();

    const ttft = { direct: summarize(directTimings.map((timing) => timing.ttftMs)), ballast: summarize(ballastTimings.map((timing) => timing.ttftMs)) };
    const total = { direct: summarize(directTimings.map((timing) => timing.totalMs)), ballast: summarize(ballastTimings.map((timing) => timing.totalMs)) };
    const throughput = (timing: StreamTiming) => round(timing.deltas / (timing.totalMs / 1000), 0);
    const report = {
      bench: 'streaming',
      machine: { ...machineInfo(), loadAverage1m: { before: round(loadBefore, 2), after: round(loadavg()[0] ?? 0, 2) } },
      setup: {
        samples: SAMPLES,
        startMode: START_MODE,
        callModelAs: CALL_MODEL_AS,
        topology: 'API and worker in one process (in-process relay); Temporal dev server on SQLite; simulator as its own process',
        pacedScenario: { outputTokens: 40, chunkDelayMs: 5 },
        longScenario: { outputTokens: LONG_TOKENS, chunkDelayMs: 0 },
      },
      ttftMs: ttft,
      totalMs: total,
      addedTtftMs: { p50: round(ttft.ballast.p50 - ttft.direct.p50), p99: round(ttft.ballast.p99 - ttft.direct.p99) },
      ratio: { ttftP50: round(ttft.ballast.p50 / ttft.direct.p50, 2), ttftP99: round(ttft.ballast.p99 / ttft.direct.p99, 2) },
      throughput: {
        longAnswerDeltas: ballastLong.deltas,
        directTokensPerSecond: throughput(directLong),
        ballastTokensPerSecond: throughput(ballastLong),
        inProcessRelayEventsPerSecond: relayEventsPerSecond,
      },
    };
    writeFileSync(join(values.out, `${RESULT_NAME}.json`), `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(values.out, `${RESULT_NAME}.md`), markdown(report));
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await infrastructure.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

function markdown(report: {
  machine: ReturnType<typeof machineInfo> & { loadAverage1m: { before: number; after: number } };
  setup: { samples: number; startMode: string; callModelAs: string };
  ttftMs: { direct: LatencySummary; ballast: LatencySummary };
  totalMs: { direct: LatencySummary; ballast: LatencySummary };
  addedTtftMs: { p50: number; p99: number };
  ratio: { ttftP50: number; ttftP99: number };
  throughput: { longAnswerDeltas: number; directTokensPerSecond: number; ballastTokensPerSecond: number; inProcessRelayEventsPerSecond: number };
}): string {
  const { ttftMs, totalMs, throughput } = report;
  return `# Streaming: time to first token through Ballast

Machine: ${report.machine.cpuModel}, ${report.machine.cores} cores, Node ${report.machine.node}, ${report.machine.date}; load average ${report.machine.loadAverage1m.before} → ${report.machine.loadAverage1m.after}.
${report.setup.samples} interleaved pairs: a direct streaming \`openai\` SDK call to the simulator, and the same call through Ballast (\`stream: true\` → ${report.setup.startMode} → chat workflow → callModel as ${report.setup.callModelAs}, streaming → in-process relay → SSE). API and worker in one process, Temporal dev server on SQLite. The simulator paces 40 tokens at 5 ms per chunk.

| measure | direct SDK → simulator | through Ballast | added |
|---|---|---|---|
| TTFT p50 | ${ttftMs.direct.p50} ms | ${ttftMs.ballast.p50} ms | **${report.addedTtftMs.p50} ms** (×${report.ratio.ttftP50}) |
| TTFT p99 | ${ttftMs.direct.p99} ms | ${ttftMs.ballast.p99} ms | ${report.addedTtftMs.p99} ms (×${report.ratio.ttftP99}) |
| whole stream p50 | ${totalMs.direct.p50} ms | ${totalMs.ballast.p50} ms | ${round(totalMs.ballast.p50 - totalMs.direct.p50)} ms |

- ${report.addedTtftMs.p50 <= 15 ? '✅' : '❌'} time to first token added over a direct streaming SDK call ≤ 15 ms p50 (issue 12): ${report.addedTtftMs.p50} ms

Throughput on a long unpaced answer (${throughput.longAnswerDeltas} deltas): direct ${throughput.directTokensPerSecond} deltas/s, through Ballast ${throughput.ballastTokensPerSecond} deltas/s. The in-process relay alone moves ${throughput.inProcessRelayEventsPerSecond.toLocaleString('en-US')} events/s.

Reproduce: \`npm run build --silent && node dist/bench/streaming.js --start-mode ${report.setup.startMode} --call-model-as ${report.setup.callModelAs}\`.
`;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
