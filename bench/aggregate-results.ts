import { median, round, summarize, type LatencySummary } from './latency-stats.js';
import type { CellMeasurement } from './measure-cell.js';
import type { PairedCell, VariantRound } from './measure-variant.js';
import type { RssProfile } from './process-sampler.js';
import type { Variant } from './variants.js';
import type { WorkflowTimeline } from './workflow-timeline.js';

/** The goal at 16 clients. */
export const GOAL = { concurrency: 16, addedP50MsMax: 10, addedP99MsMax: 40 } as const;

/** Latency percentiles: medians over rounds of each round's figure, and all rounds' samples pooled. */
export interface LatencyAggregate {
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly mean: number;
  readonly samples: number;
  readonly pooled: LatencySummary;
}

/** Variant minus baseline (ms) and variant / baseline, per round, then the median over rounds. */
export interface AddedLatency {
  readonly p50: number;
  readonly p99: number;
  readonly ratioP50: number;
  readonly ratioP99: number;
}

export interface ThroughputFigure {
  readonly variant: number;
  readonly baseline: number;
  /** variant / baseline, median over rounds. */
  readonly ratio: number;
}

export interface VariantSummary {
  readonly id: string;
  readonly startMode: string;
  readonly callModelAs: string;
  readonly topology: string;
  readonly serverProfile: string;
  readonly workerOptions: Readonly<Record<string, unknown>> | undefined;
  readonly nodeArgs: readonly string[] | undefined;
  readonly latency: Record<string, LatencyAggregate>;
  readonly added: Record<string, AddedLatency>;
  readonly throughput: Record<string, ThroughputFigure>;
  /** Per process: median of start and end over rounds, highest peak. */
  readonly rssMb: Record<string, { start: number; peak: number; end: number }>;
  /** Median CPU per request at each concurrency, per process (bench = the load generator). */
  readonly cpuMsPerRequest: Record<string, Record<string, number>>;
  readonly timeline: WorkflowTimeline | undefined;
  /** The slowest requests at the highest concurrency, per their histories (medians over rounds; totals summed). */
  readonly slowestTimeline: WorkflowTimeline | undefined;
  /** Median cores busy with other people's processes during this variant's cells (shared machine). */
  readonly otherLoadCores: number;
  readonly errors: number;
  readonly baselineErrors: number;
  readonly errorSamples: string[];
  readonly startupMs: number;
  readonly meetsGoal: boolean;
  /** Per round, compact: p50/p99 and added p50/p99 at each latency concurrency, throughput at each. */
  readonly rounds: Array<Record<string, number>>;
}

export interface BaselineSummary {
  readonly latency: Record<string, LatencyAggregate>;
  readonly throughput: Record<string, number>;
  readonly cpuMsPerRequest: Record<string, Record<string, number>>;
  readonly errors: number;
  readonly errorSamples: string[];
}

/** One option's effect: two variants that differ in that option only. */
export interface OptionEffect {
  readonly option: string;
  readonly from: string;
  readonly to: string;
  /** Change of the median p50 / p99 (ms, negative = faster) and of throughput (ratio). */
  readonly p50c1Ms: number;
  readonly p50c16Ms: number;
  readonly p99c16Ms: number;
  readonly throughputC64Ratio: number;
}

const key = (concurrency: number) => `c${concurrency}`;

export function summarizeVariant(
  variant: Variant,
  rounds: readonly VariantRound[],
  latencyConcurrency: readonly number[],
  throughputConcurrency: readonly number[],
): VariantSummary {
  const cellsAt = (concurrency: number) => rounds.map((measured) => measured.cells.find((cell) => cell.concurrency === concurrency)).filter((cell): cell is PairedCell => !!cell);
  const latency: Record<string, LatencyAggregate> = {};
  const added: Record<string, AddedLatency> = {};
  for (const concurrency of latencyConcurrency) {
    const cells = cellsAt(concurrency);
    latency[key(concurrency)] = aggregateLatency(cells.map((cell) => cell.variant));
    added[key(concurrency)] = {
      p50: round(median(cells.map((cell) => cell.variant.latency.p50 - cell.baseline.latency.p50))),
      p99: round(median(cells.map((cell) => cell.variant.latency.p99 - cell.baseline.latency.p99))),
      ratioP50: round(median(cells.map((cell) => cell.variant.latency.p50 / cell.baseline.latency.p50))),
      ratioP99: round(median(cells.map((cell) => cell.variant.latency.p99 / cell.baseline.latency.p99))),
    };
  }
  const throughput: Record<string, ThroughputFigure> = {};
  const cpuMsPerRequest: Record<string, Record<string, number>> = {};
  for (const concurrency of throughputConcurrency) {
    const cells = cellsAt(concurrency);
    throughput[key(concurrency)] = {
      variant: round(median(cells.map((cell) => cell.variant.throughput)), 1),
      baseline: round(median(cells.map((cell) => cell.baseline.throughput)), 1),
      ratio: round(median(cells.map((cell) => cell.variant.throughput / cell.baseline.throughput)), 3),
    };
  }
  for (const concurrency of new Set([...latencyConcurrency, ...throughputConcurrency])) {
    cpuMsPerRequest[key(concurrency)] = medianPerProcess(cellsAt(concurrency).map((cell) => cell.variant.cpuMsPerRequest));
  }
  const allCells = rounds.flatMap((measured) => measured.cells);
  const errors = allCells.reduce((sum, cell) => sum + cell.variant.errors, 0);
  const goalCell = added[key(GOAL.concurrency)];
  return {
    id: variant.id,
    startMode: variant.startMode,
    callModelAs: variant.callModelAs,
    topology: variant.topology,
    serverProfile: variant.serverProfile,
    workerOptions: variant.workerOptions,
    nodeArgs: variant.nodeArgs,
    latency,
    added,
    throughput,
    rssMb: aggregateRss(rounds.map((measured) => measured.rss)),
    cpuMsPerRequest,
    timeline: medianTimeline(rounds.map((measured) => measured.timeline)),
    slowestTimeline: medianTimeline(rounds.map((measured) => measured.slowestTimeline)),
    otherLoadCores: round(median(allCells.flatMap((cell) => [cell.variant.otherLoadCores, cell.baseline.otherLoadCores]))),
    errors,
    baselineErrors: allCells.reduce((sum, cell) => sum + cell.baseline.errors, 0),
    errorSamples: [...new Set(allCells.flatMap((cell) => cell.variant.errorSamples))].slice(0, 5),
    startupMs: round(median(rounds.map((measured) => measured.startupMs)), 0),
    meetsGoal: !!goalCell && errors === 0 && goalCell.p50 <= GOAL.addedP50MsMax && goalCell.p99 <= GOAL.addedP99MsMax,
    rounds: rounds.map(compactRound),
  };
}

/** The baseline over every paired cell of every variant and round. */
export function summarizeBaseline(allRounds: readonly VariantRound[], latencyConcurrency: readonly number[], throughputConcurrency: readonly number[]): BaselineSummary {
  const cellsAt = (concurrency: number) => allRounds.flatMap((measured) => measured.cells.filter((cell) => cell.concurrency === concurrency).map((cell) => cell.baseline));
  const all = allRounds.flatMap((measured) => measured.cells.map((cell) => cell.baseline));
  return {
    latency: Object.fromEntries(latencyConcurrency.map((concurrency) => [key(concurrency), aggregateLatency(cellsAt(concurrency))])),
    throughput: Object.fromEntries(throughputConcurrency.map((concurrency) => [key(concurrency), round(median(cellsAt(concurrency).map((cell) => cell.throughput)), 1)])),
    cpuMsPerRequest: Object.fromEntries(
      [...new Set([...latencyConcurrency, ...throughputConcurrency])].map((concurrency) => [key(concurrency), medianPerProcess(cellsAt(concurrency).map((cell) => cell.cpuMsPerRequest))]),
    ),
    errors: all.reduce((sum, cell) => sum + cell.errors, 0),
    errorSamples: [...new Set(all.flatMap((cell) => cell.errorSamples))].slice(0, 5),
  };
}

/** Lowest added p50 at the goal's concurrency; an added p99 decides near-ties (within 0.5 ms). */
export function fastestVariant(variants: readonly VariantSummary[]): VariantSummary | undefined {
  const at = key(GOAL.concurrency);
  const usable = variants.filter((variant) => variant.errors === 0 && variant.added[at]);
  return [...usable].sort((a, b) => {
    const p50 = (a.added[at]?.p50 ?? Infinity) - (b.added[at]?.p50 ?? Infinity);
    if (Math.abs(p50) > 0.5) return p50;
    return (a.added[at]?.p99 ?? Infinity) - (b.added[at]?.p99 ?? Infinity);
  })[0];
}

/** Effects of each option, from every pair of measured variants that differ in that option only. */
export function optionEffects(variants: readonly VariantSummary[]): OptionEffect[] {
  const effects: OptionEffect[] = [];
  for (const from of variants) {
    for (const to of variants) {
      const option = differingOption(from, to);
      if (!option) continue;
      effects.push({
        option,
        from: from.id,
        to: to.id,
        p50c1Ms: round((to.latency['c1']?.p50 ?? NaN) - (from.latency['c1']?.p50 ?? NaN)),
        p50c16Ms: round((to.latency['c16']?.p50 ?? NaN) - (from.latency['c16']?.p50 ?? NaN)),
        p99c16Ms: round((to.latency['c16']?.p99 ?? NaN) - (from.latency['c16']?.p99 ?? NaN)),
        throughputC64Ratio: round((to.throughput['c64']?.variant ?? NaN) / (from.throughput['c64']?.variant ?? NaN), 3),
      });
    }
  }
  return effects;
}

function differingOption(from: VariantSummary, to: VariantSummary): string | undefined {
  const samePath = from.startMode === to.startMode && from.callModelAs === to.callModelAs && from.topology === to.topology;
  const sameWorker = JSON.stringify([from.workerOptions ?? null, from.nodeArgs ?? []]) === JSON.stringify([to.workerOptions ?? null, to.nodeArgs ?? []]);
  const sameServer = from.serverProfile === to.serverProfile;
  if (samePath && sameWorker && from.serverProfile === 'default' && !sameServer) return `dev server profile '${to.serverProfile}'`;
  const plainFrom = (from.workerOptions === undefined || Object.keys(from.workerOptions).length === 0) && !from.nodeArgs?.length;
  if (samePath && sameServer && !sameWorker && plainFrom) {
    return `process preset: worker options ${JSON.stringify(to.workerOptions ?? {})}, node ${JSON.stringify(to.nodeArgs ?? [])}`;
  }
  if (!sameWorker || !sameServer) return undefined;
  const sameMode = from.startMode === to.startMode;
  const sameCall = from.callModelAs === to.callModelAs;
  const sameTopology = from.topology === to.topology;
  if (sameMode && sameTopology && from.callModelAs === 'activity' && to.callModelAs === 'local-activity') return 'callModel as local activity';
  if (sameCall && sameTopology && from.startMode === 'start-and-wait' && to.startMode === 'update-with-start') return 'Update-with-Start';
  if (sameCall && from.startMode === 'start-and-wait' && to.startMode === 'eager' && to.topology === 'combined') {
    return from.topology === 'combined' ? 'eager start' : 'eager start (with API and worker in one process)';
  }
  if (sameCall && to.startMode === 'eager' && from.startMode === 'update-with-start' && from.topology === 'combined') return 'eager start instead of Update-with-Start';
  if (sameCall && sameMode && from.topology === 'split' && to.topology !== 'split') return to.topology === 'combined' ? 'API and worker in one process' : 'NativeConnection in the API';
  return undefined;
}

function aggregateLatency(cells: readonly CellMeasurement[]): LatencyAggregate {
  return {
    p50: round(median(cells.map((cell) => cell.latency.p50))),
    p90: round(median(cells.map((cell) => cell.latency.p90))),
    p99: round(median(cells.map((cell) => cell.latency.p99))),
    mean: round(median(cells.map((cell) => cell.latency.mean))),
    samples: cells.reduce((sum, cell) => sum + cell.latency.count, 0),
    pooled: summarize(cells.flatMap((cell) => cell.latencies)),
  };
}

function aggregateRss(profiles: ReadonlyArray<Record<string, RssProfile>>): Record<string, { start: number; peak: number; end: number }> {
  const names = new Set(profiles.flatMap((profile) => Object.keys(profile)));
  const result: Record<string, { start: number; peak: number; end: number }> = {};
  for (const name of names) {
    const rows = profiles.map((profile) => profile[name]).filter((row): row is RssProfile => !!row);
    result[name] = {
      start: round(median(rows.map((row) => row.startMb)), 1),
      peak: round(Math.max(...rows.map((row) => row.peakMb)), 1),
      end: round(median(rows.map((row) => row.endMb)), 1),
    };
  }
  return result;
}

function medianPerProcess(rows: ReadonlyArray<Record<string, number>>): Record<string, number> {
  const names = new Set(rows.flatMap((row) => Object.keys(row)));
  return Object.fromEntries([...names].map((name) => [name, round(median(rows.map((row) => row[name] ?? NaN)), 3)]));
}

function medianTimeline(timelines: ReadonlyArray<WorkflowTimeline | undefined>): WorkflowTimeline | undefined {
  const present = timelines.filter((timeline): timeline is WorkflowTimeline => !!timeline);
  const first = present[0];
  if (!first) return undefined;
  const result: Record<string, number> = {};
  for (const name of Object.keys(first) as Array<keyof WorkflowTimeline>) {
    result[name] = name === 'sampled' || name.endsWith('Total') ? present.reduce((sum, row) => sum + row[name], 0) : round(median(present.map((row) => row[name])));
  }
  return result as unknown as WorkflowTimeline;
}

function compactRound(measured: VariantRound): Record<string, number> {
  const row: Record<string, number> = { round: measured.round };
  for (const cell of measured.cells) {
    const at = key(cell.concurrency);
    row[`${at}P50`] = cell.variant.latency.p50;
    row[`${at}P99`] = cell.variant.latency.p99;
    row[`${at}AddedP50`] = round(cell.variant.latency.p50 - cell.baseline.latency.p50);
    row[`${at}AddedP99`] = round(cell.variant.latency.p99 - cell.baseline.latency.p99);
    row[`${at}Throughput`] = cell.variant.throughput;
    row[`${at}BaselineThroughput`] = cell.baseline.throughput;
  }
  return row;
}
