import { GOAL, type BaselineSummary, type OptionEffect, type VariantSummary } from './aggregate-results.js';
import type { Diagnostics } from './diagnostics.js';
import type { MachineInfo } from './machine-info.js';

/** The JSON document the benchmark prints and writes. */
export interface ChatLatencyResult {
  readonly benchmark: 'chat-latency';
  readonly machine: MachineInfo;
  readonly settings: Record<string, unknown>;
  readonly baseline: BaselineSummary;
  readonly variants: VariantSummary[];
  readonly fastest: string | undefined;
  readonly goal: { concurrency: number; addedP50MsMax: number; addedP99MsMax: number; met: boolean; variantsMeetingIt: string[] };
  readonly effects: OptionEffect[];
  readonly diagnostics: Diagnostics | undefined;
  readonly durationSeconds: number;
  readonly failures: string[];
}

const ms = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(1));
const signed = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '–' : `${value >= 0 ? '+' : ''}${value.toFixed(1)}`);

/** A short Markdown summary of the result. */
export function renderMarkdown(result: ChatLatencyResult): string {
  const { machine, baseline, variants } = result;
  const lines: string[] = [];
  lines.push('# Chat latency: durable path vs direct SDK call', '');
  lines.push(
    `${machine.date} · ${machine.cpuModel} · ${machine.cores} cores · ${machine.memoryGiB} GiB · Node ${machine.node} · ` +
      `Temporal store: ${String(result.settings['temporalStore'])} · ${String(result.settings['rounds'])} round(s) × ${String(result.settings['measureMs'])} ms per cell · ` +
      `simulator latency 0 ms · run took ${result.durationSeconds} s`,
    '',
  );
  lines.push('Latency in ms (median over rounds); added = variant − direct call measured back to back in the same round.', '');
  lines.push('| path | p50 @1 | p99 @1 | added p50 @1 | added p99 @1 | p50 @16 | p90 @16 | p99 @16 | added p50 @16 | added p99 @16 | req/s @16 | req/s @64 | errors | goal |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |');
  lines.push(
    `| direct SDK → simulator (baseline) | ${ms(baseline.latency['c1']?.p50)} | ${ms(baseline.latency['c1']?.p99)} | | | ${ms(baseline.latency['c16']?.p50)} | ${ms(baseline.latency['c16']?.p90)} | ${ms(baseline.latency['c16']?.p99)} | | | ${ms(baseline.throughput['c16'])} | ${ms(baseline.throughput['c64'])} | ${baseline.errors} | |`,
  );
  for (const variant of variants) {
    lines.push(
      `| ${variant.id === result.fastest ? `**${variant.id}**` : variant.id} | ${ms(variant.latency['c1']?.p50)} | ${ms(variant.latency['c1']?.p99)} | ${signed(variant.added['c1']?.p50)} | ${signed(variant.added['c1']?.p99)} | ` +
        `${ms(variant.latency['c16']?.p50)} | ${ms(variant.latency['c16']?.p90)} | ${ms(variant.latency['c16']?.p99)} | ${signed(variant.added['c16']?.p50)} | ${signed(variant.added['c16']?.p99)} | ` +
        `${ms(variant.throughput['c16']?.variant)} | ${ms(variant.throughput['c64']?.variant)} | ${variant.errors} | ${variant.meetsGoal ? 'yes' : 'no'} |`,
    );
  }
  lines.push('');
  lines.push(
    `Goal (added p50 ≤ ${GOAL.addedP50MsMax} ms and p99 ≤ ${GOAL.addedP99MsMax} ms at ${GOAL.concurrency} clients): **${result.goal.met ? 'met' : 'not met'}**` +
      (result.goal.variantsMeetingIt.length ? ` by ${result.goal.variantsMeetingIt.join(', ')}` : '') +
      `. Fastest durable path: **${result.fastest ?? 'none without errors'}**.`,
    '',
  );
  const fastest = variants.find((variant) => variant.id === result.fastest);
  const fastestCpu = fastest ? Object.values(fastest.cpuMsPerRequest[`c${GOAL.concurrency}`] ?? {}).reduce((sum, value) => sum + value, 0) : 0;
  if (fastest && fastestCpu > 0) {
    const ceiling = (machine.cores * 1000) / fastestCpu;
    lines.push(
      `Why: with ${GOAL.concurrency} clients in a closed loop, latency ≈ ${GOAL.concurrency} / throughput. ${fastest.id} spends ${fastestCpu.toFixed(1)} ms of CPU per request ` +
        `(API, worker, Temporal server, simulator and load generator together), so ${machine.cores} cores serve at most ${ceiling.toFixed(0)} req/s ` +
        `and p50 at ${GOAL.concurrency} clients cannot drop below ≈ ${((GOAL.concurrency * 1000) / ceiling).toFixed(0)} ms on this machine, even with no other load ` +
        `(others kept ${ms(fastest.otherLoadCores)} cores busy during the run).` +
        (result.diagnostics?.breakdownP50['c1']
          ? ` An empty workflow on its own worker already takes ${ms(result.diagnostics.breakdownP50['c1']['temporalFloorEmptyWorkflowStartAndWait'])} ms (start + wait) at 1 client: the Temporal floor here.`
          : ''),
      '',
    );
  }
  lines.push('Variants: uws = Update-with-Start, saw = start then wait for the result, eager = eager workflow start; activity / local = how callModel runs; eager runs API + worker in one process (shared NativeConnection), the others as the real separate `apps/api` and `apps/worker` processes unless suffixed -combined / -native.', '');

  lines.push('## Memory and CPU', '');
  lines.push(
    `CPU per request is read from /proc/<pid>/stat around each cell; "CPU-bound req/s" = ${machine.cores} cores × 1000 / total CPU ms per request, ` +
      'the most this machine could serve if nothing else ran. "Others" = cores kept busy by processes this benchmark did not start (the machine is shared).',
    '',
  );
  lines.push('| path | RSS MiB start / peak / end | CPU ms per request @64 | total CPU ms/req | CPU-bound req/s | others (cores) | history events / bytes | server-side ms @1: total / first-task wait / task run / activity |');
  lines.push('| --- | --- | --- | ---: | ---: | ---: | ---: | --- |');
  for (const variant of variants) {
    const rss = Object.entries(variant.rssMb)
      .map(([name, row]) => `${name} ${row.start} / ${row.peak} / ${row.end}`)
      .join('; ');
    const cpu = variant.cpuMsPerRequest['c64'] ?? {};
    const cpuText = Object.entries(cpu)
      .map(([name, value]) => `${name} ${value.toFixed(2)}`)
      .join(', ');
    const timeline = variant.timeline;
    const total = Object.values(cpu).reduce((sum, value) => sum + value, 0);
    lines.push(
      `| ${variant.id} | ${rss} | ${cpuText} | ${ms(total)} | ${ms((machine.cores * 1000) / total)} | ${ms(variant.otherLoadCores)} | ` +
        `${ms(timeline?.events)} / ${ms(timeline?.historyBytes)} | ${ms(timeline?.serverTotalMs)} / ${ms(timeline?.firstTaskWaitMs)} / ${ms(timeline?.taskRunMs)} / ${ms(timeline?.activityMs)} |`,
    );
  }
  lines.push('');
  lines.push('Slowest 10 requests at 64 clients, per their histories (median over rounds; task time-outs/failures summed):', '');
  lines.push('| path | server-side total ms | first-task wait | task wait | task run | activity | workflow tasks | task time-outs | task failures |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const variant of variants) {
    const slow = variant.slowestTimeline;
    lines.push(
      `| ${variant.id} | ${ms(slow?.serverTotalMs)} | ${ms(slow?.firstTaskWaitMs)} | ${ms(slow?.taskWaitMs)} | ${ms(slow?.taskRunMs)} | ${ms(slow?.activityMs)} | ${ms(slow?.workflowTasks)} | ${slow?.taskTimeoutsTotal ?? '–'} | ${slow?.taskFailuresTotal ?? '–'} |`,
    );
  }
  lines.push('');

  if (result.effects.length > 0) {
    lines.push('## What each option buys', '');
    lines.push('Change of the median, ms (negative = faster); throughput as a ratio.', '');
    lines.push('| option | from → to | Δ p50 @1 | Δ p50 @16 | Δ p99 @16 | req/s @64 ratio |');
    lines.push('| --- | --- | ---: | ---: | ---: | ---: |');
    for (const effect of result.effects) {
      lines.push(`| ${effect.option} | ${effect.from} → ${effect.to} | ${signed(effect.p50c1Ms)} | ${signed(effect.p50c16Ms)} | ${signed(effect.p99c16Ms)} | ${effect.throughputC64Ratio.toFixed(2)} |`);
    }
    lines.push('');
  }

  if (result.diagnostics) {
    const diagnostics = result.diagnostics;
    lines.push(`## Where the time goes (${diagnostics.variant}, p50 ms)`, '');
    const concurrencies = Object.keys(diagnostics.cells);
    lines.push(`| cell | what | ${concurrencies.map((at) => `p50 ${at}`).join(' | ')} | ${concurrencies.map((at) => `p99 ${at}`).join(' | ')} |`);
    lines.push(`| --- | --- | ${concurrencies.map(() => '---:').join(' | ')} | ${concurrencies.map(() => '---:').join(' | ')} |`);
    for (const [name, description] of Object.entries(diagnostics.descriptions)) {
      const cells = concurrencies.map((at) => diagnostics.cells[at]?.[name as keyof typeof diagnostics.descriptions]);
      lines.push(`| ${name} | ${description} | ${cells.map((cell) => ms(cell?.latency.p50)).join(' | ')} | ${cells.map((cell) => ms(cell?.latency.p99)).join(' | ')} |`);
    }
    lines.push('');
    for (const [at, breakdown] of Object.entries(diagnostics.breakdownP50)) {
      lines.push(`- ${at}: ${Object.entries(breakdown).map(([name, value]) => `${name} ${ms(value)}`).join(', ')}`);
    }
    lines.push('');
  }
  if (result.failures.length > 0) {
    lines.push('## Failures', '', ...result.failures.map((failure) => `- ${failure}`), '');
  }
  return lines.join('\n');
}
