import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { BENCH_API_KEY, DIST_ROOT, startVariant, type Infrastructure } from './bench-stack.js';
import { spawnNode } from './child-processes.js';
import { FloorStarter } from './floor/floor-starter.js';
import { DirectTemporalStarter } from './direct-temporal.js';
import { measureCell, type CellMeasurement, type CellTiming } from './measure-cell.js';
import { CHAT_QUESTION, directSender, durableSender, fetchSender, postJson } from './senders.js';
import type { Variant } from './variants.js';

/** What each diagnostic cell sends, in the order they run. */
export const DIAGNOSTIC_CELLS = {
  'direct-openai': 'baseline: official client → simulator',
  'direct-fetch': 'fetch → simulator (no SDK)',
  'api-live': 'fetch → API GET /health/live (HTTP + Nest, no auth)',
  'api-reject': 'fetch → API POST chat, unknown model → 404 (auth, validation, problem+json; no Temporal)',
  'api-ready': 'fetch → API GET /health/ready (HTTP + Nest + one Temporal RPC)',
  'temporal-rpc': 'bench → Temporal getSystemInfo (one gRPC round trip, grpc-js)',
  'temporal-direct': 'bench → chat workflow via Temporal directly (no HTTP/Nest), same start mode',
  'api-chat-fetch': 'fetch → API POST chat (durable path without the SDK)',
  'api-chat-openai': 'official client → API POST chat (the measured durable path)',
  'floor-none-saw': 'bench → empty workflow, start + wait for result (Temporal floor, own worker process)',
  'floor-none-uws': 'bench → empty workflow via Update-with-Start',
  'floor-local-uws': 'bench → workflow with one no-op local activity, Update-with-Start',
  'floor-activity-uws': 'bench → workflow with one no-op activity, Update-with-Start',
} as const;

export type DiagnosticCell = keyof typeof DIAGNOSTIC_CELLS;

/** Diagnostic cells of one variant at each concurrency, and the split of the added latency they give. */
export interface Diagnostics {
  readonly variant: string;
  readonly cells: Record<string, Partial<Record<DiagnosticCell, Omit<CellMeasurement, 'latencies'>>>>;
  /** p50 differences (ms) that attribute the added latency, per concurrency. */
  readonly breakdownP50: Record<string, Record<string, number>>;
  readonly descriptions: typeof DIAGNOSTIC_CELLS;
}

/** Restarts `variant` and measures every diagnostic cell at each concurrency. */
export async function runDiagnostics(
  variant: Variant,
  infrastructure: Infrastructure,
  options: CellTiming & { concurrencies: readonly number[]; model: string; log: (line: string) => void },
): Promise<Diagnostics> {
  const running = await startVariant(variant, infrastructure, `${variant.id}-diagnostics`);
  const direct = await DirectTemporalStarter.connect(running.temporal.address, {
    taskQueue: running.taskQueue,
    startMode: variant.startMode === 'eager' ? 'update-with-start' : variant.startMode,
    callModelAs: variant.callModelAs,
    model: options.model,
  });
  const floorQueue = `bench-floor-${randomUUID().slice(0, 8)}`;
  const floorWorker = spawnNode('floor-worker', join(DIST_ROOT, 'bench/floor/floor-worker.js'), ['--address', running.temporal.address, '--task-queue', floorQueue], {
    env: { PATH: process.env['PATH'] ?? '' },
    cwd: infrastructure.workDir,
    logFile: join(infrastructure.workDir, 'floor-worker.log'),
  });
  const floor = await FloorStarter.connect(running.temporal.address, floorQueue);
  await Promise.race([
    floor.run('none', 'start-and-wait'),
    new Promise((_resolve, reject) => setTimeout(() => reject(new Error(`floor worker not ready in 60 s:\n${floorWorker.logTail()}`)), 60_000).unref()),
  ]);
  const pids = { ...running.pids, 'floor-worker': floorWorker.pid, temporal: running.temporal.pid, simulator: infrastructure.simulatorPid };
  const auth = { authorization: `Bearer ${BENCH_API_KEY}` };
  const chatBody = { model: options.model, messages: [{ role: 'user', content: CHAT_QUESTION }] };
  const senders: Record<DiagnosticCell, () => Promise<void>> = {
    'direct-openai': directSender(infrastructure.simulatorUrl, options.model),
    'direct-fetch': fetchSender(`${infrastructure.simulatorUrl}/v1/chat/completions`, postJson(chatBody), 200),
    'api-live': fetchSender(`${running.apiUrl}/health/live`, {}, 200),
    'api-reject': fetchSender(`${running.apiUrl}/v1/chat/completions`, postJson({ ...chatBody, model: 'no-such-model' }, auth), 404),
    'api-ready': fetchSender(`${running.apiUrl}/health/ready`, {}, 200),
    'temporal-rpc': () => direct.systemInfo(),
    'temporal-direct': async () => {
      await direct.run();
    },
    'api-chat-fetch': fetchSender(`${running.apiUrl}/v1/chat/completions`, postJson(chatBody, auth), 200),
    'api-chat-openai': durableSender(running.apiUrl, options.model),
    'floor-none-saw': () => floor.run('none', 'start-and-wait'),
    'floor-none-uws': () => floor.run('none', 'update-with-start'),
    'floor-local-uws': () => floor.run('local-activity', 'update-with-start'),
    'floor-activity-uws': () => floor.run('activity', 'update-with-start'),
  };
  try {
    const cells: Diagnostics['cells'] = {};
    const breakdownP50: Diagnostics['breakdownP50'] = {};
    for (const concurrency of options.concurrencies) {
      const row: Partial<Record<DiagnosticCell, Omit<CellMeasurement, 'latencies'>>> = {};
      for (const [name, send] of Object.entries(senders) as Array<[DiagnosticCell, () => Promise<void>]>) {
        const { latencies: _latencies, ...measured } = await measureCell(send, concurrency, options, pids);
        row[name] = measured;
        options.log(`  diagnostics c${concurrency} ${name}: p50 ${measured.latency.p50} p99 ${measured.latency.p99} ms, ${measured.throughput} req/s, ${measured.errors} errors`);
      }
      cells[`c${concurrency}`] = row;
      const p50 = (name: DiagnosticCell) => row[name]?.latency.p50 ?? Number.NaN;
      const fixed = (value: number) => Math.round(value * 100) / 100;
      breakdownP50[`c${concurrency}`] = {
        addedByDurablePath: fixed(p50('api-chat-openai') - p50('direct-openai')),
        openAiClientOverDirectFetch: fixed(p50('direct-openai') - p50('direct-fetch')),
        apiHttpNestFloor: p50('api-live'),
        apiAuthValidationProblem: p50('api-reject'),
        temporalRpcRoundTrip: p50('temporal-rpc'),
        workflowViaTemporalDirect: p50('temporal-direct'),
        workflowOverDirectFetch: fixed(p50('temporal-direct') - p50('direct-fetch')),
        apiOverTemporalDirect: fixed(p50('api-chat-fetch') - p50('temporal-direct')),
        temporalFloorEmptyWorkflowUws: p50('floor-none-uws'),
        temporalFloorEmptyWorkflowStartAndWait: p50('floor-none-saw'),
        oneLocalActivity: fixed(p50('floor-local-uws') - p50('floor-none-uws')),
        oneActivity: fixed(p50('floor-activity-uws') - p50('floor-none-uws')),
        chatWorkflowOverEmptyWorkflow: fixed(p50('temporal-direct') - p50('floor-none-uws')),
      };
    }
    return { variant: variant.id, cells, breakdownP50, descriptions: DIAGNOSTIC_CELLS };
  } finally {
    await floor.close();
    await floorWorker.stop();
    await direct.close();
    await running.stop();
  }
}
