import { startVariant, type Infrastructure } from './bench-stack.js';
import { measureCell, type CellMeasurement, type CellTiming } from './measure-cell.js';
import { RssSampler, type RssProfile } from './process-sampler.js';
import { directSender, durableSender } from './senders.js';
import type { Variant } from './variants.js';
import { workflowTimeline, type WorkflowTimeline } from './workflow-timeline.js';

/** The baseline and a variant measured back to back at one concurrency. */
export interface PairedCell {
  readonly concurrency: number;
  /** Alternates between rounds and cells so drift hits both sides. */
  readonly baselineFirst: boolean;
  readonly baseline: CellMeasurement;
  readonly variant: CellMeasurement;
}

/** Everything one round measured for one variant. */
export interface VariantRound {
  readonly round: number;
  readonly startupMs: number;
  readonly cells: PairedCell[];
  /** RSS of the variant's processes from ready to the end of its last cell. */
  readonly rss: Record<string, RssProfile>;
  /** Histories of the last requests at 1 client (medians). */
  readonly timeline: WorkflowTimeline | undefined;
  /** Histories of the slowest requests at the highest concurrency: where their time went. */
  readonly slowestTimeline: WorkflowTimeline | undefined;
}

export interface MeasureVariantOptions extends CellTiming {
  readonly round: number;
  readonly concurrencies: readonly number[];
  readonly model: string;
  readonly timelineSample: number;
  /** Extra node flags for the variant's processes (e.g. --cpu-prof). */
  readonly nodeArgs: readonly string[];
  readonly log: (line: string) => void;
}

/** Starts the variant's processes, measures every concurrency paired with the baseline, stops them. */
export async function measureVariantRound(variant: Variant, infrastructure: Infrastructure, options: MeasureVariantOptions): Promise<VariantRound> {
  const startedAt = Date.now();
  const running = await startVariant(variant, infrastructure, `${variant.id}-r${options.round}`, options.nodeArgs);
  const startupMs = Date.now() - startedAt;
  const sampler = new RssSampler(running.pids);
  sampler.start();
  const cpuPids = { ...running.pids, temporal: running.temporal.pid, simulator: infrastructure.simulatorPid };
  try {
    const direct = directSender(infrastructure.simulatorUrl, options.model);
    const workflowIds: string[] = [];
    const highest = Math.max(...options.concurrencies);
    const underLoad: Array<{ id: string; latencyMs: number }> = [];
    const cells: PairedCell[] = [];
    for (const [index, concurrency] of options.concurrencies.entries()) {
      const keep = (id: string, latencyMs: number) => {
        if (concurrency === 1) workflowIds.push(id);
        if (concurrency === highest) underLoad.push({ id, latencyMs });
      };
      const durable = durableSender(running.apiUrl, options.model, options.timelineSample > 0 ? keep : undefined);
      const baselineFirst = (options.round + index) % 2 === 0;
      const measureDirect = () => measureCell(direct, concurrency, options, cpuPids);
      const measureDurable = () => measureCell(durable, concurrency, options, cpuPids);
      let baseline: CellMeasurement;
      let measured: CellMeasurement;
      if (baselineFirst) {
        baseline = await measureDirect();
        measured = await measureDurable();
      } else {
        measured = await measureDurable();
        baseline = await measureDirect();
      }
      options.log(
        `  ${variant.id} r${options.round} c${concurrency}: durable p50 ${measured.latency.p50} p99 ${measured.latency.p99} ms, ${measured.throughput} req/s, ${measured.errors} errors` +
          ` | direct p50 ${baseline.latency.p50} p99 ${baseline.latency.p99} ms, ${baseline.throughput} req/s, ${baseline.errors} errors`,
      );
      cells.push({ concurrency, baselineFirst, baseline, variant: measured });
    }
    const rss = sampler.stop();
    // Ids from the end of the c1 cell: warmed up, and the last ones recorded.
    const readTimeline = (ids: string[]) =>
      workflowTimeline(running.temporal.address, ids).catch((error: unknown) => {
        options.log(`  could not read workflow histories: ${String(error)}`);
        return undefined;
      });
    const timeline = await readTimeline(workflowIds.slice(-options.timelineSample));
    const slowest = underLoad.sort((a, b) => b.latencyMs - a.latencyMs).slice(0, Math.min(10, options.timelineSample));
    const slowestTimeline = await readTimeline(slowest.map((entry) => entry.id));
    return { round: options.round, startupMs, cells, rss, timeline, slowestTimeline };
  } finally {
    sampler.stop();
    await running.stop();
  }
}
