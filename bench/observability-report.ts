/** The result document of `bench/observability.ts` and its Markdown rendering. */
import type { TraceRecorderOptions } from '../apps/api/src/observability/trace-recorder.js';
import type { LatencySummary } from './latency-stats.js';
import type { MachineInfo } from './machine-info.js';
import type { BrowserLoads } from './observability-browser.js';

/** The writer (recorder flush) over the 100k load, for one content mode. */
export interface WriterFigures {
  readonly contentMode: string;
  readonly traces: number;
  readonly batches: number;
  readonly tracesWritten: number;
  readonly tracesDropped: number;
  /** Medians over full batches, divided by the batch size. */
  readonly perTraceUs: { readonly wall: number; readonly cpu: number; readonly render: number; readonly insert: number };
  readonly firstTenBatchesWallPerTraceUs: number;
  readonly lastTenBatchesWallPerTraceUs: number;
  readonly batchMs: LatencySummary;
  /** From the flush's start until the event loop next ran a callback: what concurrent requests wait. */
  readonly eventLoopBlockedPerBatchMs: LatencySummary;
  /** The `record()` call that fills a batch: the flush's synchronous part runs inside it. */
  readonly recordStartingFlushMs: LatencySummary;
  /** 1 / wall per trace: the most traces/s one core writes, doing nothing else. */
  readonly tracesPerSecond: number;
  readonly loadSeconds: number;
}

export interface StorageFigures {
  readonly contentMode: string;
  readonly traces: number;
  readonly pageSize: number;
  readonly pagesBefore: number;
  readonly pagesAfter: number;
  readonly freelistPagesAfter: number;
  /** (pagesAfter − pagesBefore) × pageSize / traces. */
  readonly bytesPerTrace: number;
  readonly fileBytesAfterCheckpoint: number;
  /** Per b-tree (dbstat): pages and the bytes left unused in them. */
  readonly objects: readonly { readonly name: string; readonly bytes: number; readonly bytesPerTrace: number; readonly unusedBytesPerTrace: number }[];
  readonly averageColumnBytes: { readonly prompt: number; readonly response: number; readonly attempts: number; readonly redactions: number; readonly hashes: number };
}

export interface ObservabilityResult {
  readonly benchmark: 'observability';
  readonly machine: MachineInfo & { readonly loadAverageStart: readonly number[]; readonly loadAverageEnd: readonly number[] };
  readonly setup: {
    readonly store: string;
    readonly recorder: TraceRecorderOptions;
    readonly recordCalls: number;
    readonly traces: number;
    readonly days: number;
    readonly dataset: string;
    readonly api: string;
  };
  readonly responsePath: {
    readonly calls: number;
    readonly rounds: number;
    readonly draft: { readonly messages: number; readonly attempts: number; readonly promptChars: LatencySummary; readonly responseChars: LatencySummary; readonly containsEmail: boolean };
    /** Every call, in µs. */
    readonly recordUs: LatencySummary;
    readonly recordRoundP50sUs: readonly number[];
    readonly recordWithoutFlushUs: LatencySummary;
    readonly recordStartingFlush: { readonly count: number; readonly ms: LatencySummary };
    readonly baselineUs: { readonly emptyCall: LatencySummary; readonly buildDraft: LatencySummary; readonly metricsObserve: LatencySummary };
    readonly buildPlusRecordP50Us: number;
    readonly ratios: { readonly recordP50ToMetricsObserveP50: number; readonly recordP50ToBuildDraftP50: number };
    readonly tracesDropped: number;
  };
  readonly writers: readonly WriterFigures[];
  readonly storage: readonly StorageFigures[];
  readonly plans: Record<string, string>;
  readonly http: {
    readonly requestsPerSeries: number;
    readonly warmupRounds: number;
    readonly paths: Record<string, string>;
    readonly deepOffset: number;
    readonly latencyMs: Record<string, LatencySummary>;
    readonly bodyBytes: Record<string, number>;
    /** Items on the page (lists) or requests counted (dashboard). */
    readonly items: Record<string, number>;
    readonly ratioP50ToAuthenticatedBaseline: Record<string, number>;
    readonly ratioP50ToHealth: Record<string, number>;
  };
  readonly dashboardQueriesMs: { readonly days30: Record<string, number>; readonly days30HashesStore: Record<string, number> };
  readonly browser: BrowserLoads | null;
  readonly goals: { readonly recordP50Ms: number; readonly met: Record<string, boolean> };
  readonly durationSeconds: number;
  readonly phaseSeconds: Record<string, number>;
  readonly notes: readonly string[];
}

const fixed = (value: number | undefined, digits = 2) => (value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(digits));
const int = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '–');

const SERIES_LABELS: Record<string, string> = {
  healthLive: '**baseline**: `GET /health/live` (no auth)',
  models: '**baseline**: `GET /v1/models` (authenticated)',
  tracesFirstPage: 'traces, first page',
  tracesPageQuery: 'traces, first page since 14 days (the page’s own call)',
  tracesOneTenant: 'traces, one tenant (25% of traffic)',
  tracesErrors: 'traces, `status=error` (~2%)',
  tracesRejected: 'traces, `status=rejected` (~0.3%)',
  tracesUnknownUser: 'traces, `user=` a user with no traces',
  tracesDeepPage: 'traces, deep page by cursor',
  dashboard14: 'dashboard, 14 days',
  dashboard30: 'dashboard, 30 days',
  smallTenantTraces: '**baseline**: traces, tenant with 60 traces',
  smallTenantDashboard14: '**baseline**: dashboard 14 days, tenant with 60 traces',
};

function slowest(times: Record<string, number>): [string, number] {
  return Object.entries(times)
    .filter(([name]) => name !== 'sumOfQueries')
    .reduce<[string, number]>((worst, entry) => (entry[1] > worst[1] ? entry : worst), ['', -1]);
}

/** A readable summary with tables, the machine and the goal lines. */
export function renderMarkdown(result: ObservabilityResult): string {
  const { machine, responsePath: path, http, browser } = result;
  const lines: string[] = [];
  const [writer] = result.writers;
  const [storage] = result.storage;
  const latency = http.latencyMs;
  const recorder = result.setup.recorder;
  const timerBatchRate = (recorder.maxBatch * 1000) / recorder.flushIntervalMs;
  lines.push('# Observability: trace-write overhead, storage, and read latency with 100k traces', '');
  const loaded = machine.loadAverageStart[0]! > machine.cores || machine.loadAverageEnd[0]! > machine.cores;
  lines.push(
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}; ${machine.date}. ` +
      `Load average (1/5/15 min) ${machine.loadAverageStart.join(' / ')} at start, ${machine.loadAverageEnd.join(' / ')} at end` +
      (loaded ? ': other processes shared the cores, so absolute times are pessimistic; the same-run baselines and ratios less so.' : '.') +
      ` The run took ${result.durationSeconds} s (${Object.entries(result.phaseSeconds).map(([name, seconds]) => `${name} ${seconds} s`).join(', ')}). Raw output: \`bench/results/observability.json\`.`,
    '',
  );
  lines.push(
    `Store: ${result.setup.store}. Recorder as configured by default: maxBatch ${recorder.maxBatch}, flush every ${recorder.flushIntervalMs} ms, maxQueue ${int(recorder.maxQueue)}. ` +
      `Data set: ${int(result.setup.traces)} traces over ${result.setup.days} days — ${result.setup.dataset}.`,
    '',
  );

  lines.push('## Goals (from the issue)', '');
  for (const [goal, met] of Object.entries(result.goals.met)) lines.push(`- ${met ? '✅' : '❌'} ${goal}`);
  lines.push('- The issue sets no target for storage, dashboard or trace-list load time: those are reported below, each against a baseline of the same run.', '');

  const [slowQuery30, slowQuery30Ms] = slowest(result.dashboardQueriesMs.days30);
  const aggregateTimes = Object.entries(result.dashboardQueriesMs.days30)
    .filter(([name]) => name !== 'sumOfQueries' && name !== 'tenExpensiveTraces')
    .map(([, ms]) => ms);
  const hashesSum = result.dashboardQueriesMs.days30HashesStore['sumOfQueries'] ?? Number.NaN;
  const redactedSum = result.dashboardQueriesMs.days30['sumOfQueries'] ?? Number.NaN;
  const table = storage?.objects.find((object) => object.name === 'traces');
  const usedPerRow = (table?.bytesPerTrace ?? Number.NaN) - (table?.unusedBytesPerTrace ?? Number.NaN);
  lines.push('## What stands out', '');
  lines.push(
    `1. **\`record()\` itself is cheap** — p50 ${fixed(path.recordUs.p50)} µs, p99 ${fixed(path.recordUs.p99)} µs, about what \`RequestMetrics.observe\` alone costs (${fixed(path.baselineUs.metricsObserve.p50)} µs) and less than building the draft (${fixed(path.baselineUs.buildDraft.p50)} µs). ` +
      (path.recordStartingFlush.count > 0 && path.recordStartingFlush.ms.max > result.goals.recordP50Ms
        ? `**But the flush is not fully off the response path**: the \`record()\` call that fills a batch of ${recorder.maxBatch} starts \`flush()\` without deferring it, and the flush renders (redacts, hashes) the whole batch synchronously inside that call — ` +
          `${path.recordStartingFlush.count} of ${int(path.calls)} calls took p50 ${fixed(path.recordStartingFlush.ms.p50, 1)} ms, max ${fixed(path.recordStartingFlush.ms.max, 1)} ms, before that request could answer.`
        : `No \`record()\` call did flush work above ${result.goals.recordP50Ms} ms.`),
    `2. **A flush holds the event loop one slice at a time**: the recorder renders and inserts 50 traces, then yields (better-sqlite3 is synchronous), so a request in flight waits at most one slice — p50 ${fixed(writer?.eventLoopBlockedPerBatchMs.p50, 1)} ms (p99 ${fixed(writer?.eventLoopBlockedPerBatchMs.p99, 1)} ms) — while a full batch of ${recorder.maxBatch} (p50 ${fixed(writer?.batchMs.p50, 0)} ms in all) is written. ` +
      `Above ~${int(timerBatchRate)} requests/s every flush is a full batch. Writer ceiling: ~${int(writer?.tracesPerSecond ?? Number.NaN)} traces/s on one core (redacted), and that core is the API’s.`,
    `3. **Redacted traces take ${int(storage?.bytesPerTrace ?? Number.NaN)} bytes each on SQLite** (hashes mode: ${int(result.storage[1]?.bytesPerTrace ?? Number.NaN)}); ${int(table?.unusedBytesPerTrace ?? Number.NaN)} of the table’s ${int(table?.bytesPerTrace ?? Number.NaN)} bytes per trace are unused page space` +
      (usedPerRow > (storage?.pageSize ?? 0) / 2
        ? `: a row uses ~${int(usedPerRow)} bytes (prompt and answer inline), so only one fits in a ${storage?.pageSize ?? 0}-byte page.`
        : '.'),
    `4. **${(latency['dashboard14']?.p50 ?? 0) > 500 ? 'The dashboard is slow with 100k traces' : 'The dashboard with 100k traces'}**: \`GET /v1/dashboard?days=14\` p50 ${fixed(latency['dashboard14']?.p50, 0)} ms (p99 ${fixed(latency['dashboard14']?.p99, 0)}), \`days=30\` p50 ${fixed(latency['dashboard30']?.p50, 0)} ms (p99 ${fixed(latency['dashboard30']?.p99, 0)}), ` +
      `against ${fixed(latency['smallTenantDashboard14']?.p50, 1)} ms for the same endpoint over 60 traces. Its seven aggregate queries each range-scan the time index over the slim \`traces\` rows (prompt, answer and attempts live in \`trace_contents\`); ` +
      `at 30 days each takes ${fixed(Math.min(...aggregateTimes), 0)}–${fixed(Math.max(...aggregateTimes), 0)} ms alone (slowest this run: \`TraceAnalytics.${slowQuery30}\`, ${fixed(slowQuery30Ms, 0)} ms; which one is slowest varies from run to run), and with the ten trace reads ${fixed(redactedSum, 0)} ms. ` +
      `On the hashes-mode store (same traces, no text kept) the same queries take ${fixed(hashesSum, 0)} ms (${fixed(redactedSum / hashesSum, 1)}× the redacted store's): content no longer weighs on the scans.`,
    `5. **Trace-list pages**: first page p50 ${fixed(latency['tracesFirstPage']?.p50, 1)} ms, deep page by cursor ${fixed(latency['tracesDeepPage']?.p50, 1)} ms, status=error ${fixed(latency['tracesErrors']?.p50, 1)} ms, ` +
      `status=rejected ${fixed(latency['tracesRejected']?.p50, 1)} ms, \`user=\` a user with no traces ${fixed(latency['tracesUnknownUser']?.p50, 1)} ms (p99 ${fixed(latency['tracesUnknownUser']?.p99, 1)}): the user and status filters have their own (tenant, …, time) indexes, so rare or absent values cost no scan.`,
  );
  if (browser !== null) {
    const admin = browser.viewers['admin'];
    const small = browser.viewers['smallTenant'];
    lines.push(
      `6. **The page**: with 100k traces the KPI tiles appear ${fixed(admin?.median.kpisMs, 0)} ms after navigation (median of ${browser.loads}), against ${fixed(small?.median.kpisMs, 0)} ms for a tenant with 60 traces; ` +
        `the trace table is there at ${fixed(admin?.median.traceRowsMs, 0)} ms either way (${fixed(small?.median.traceRowsMs, 0)} ms). The difference is the \`/v1/dashboard\` call (${fixed(admin?.median.apiDashboardMs, 0)} ms in the page).`,
    );
  }
  lines.push('');
  lines.push('What changed after the first runs of this bench (2026-11-27): the size-triggered flush is deferred to the next turn and written in slices of 50; prompt, answer and attempts moved to `trace_contents` (migration 0014); user and status filters got indexes. The first run measured the 30-day dashboard at p50 3,967 ms, `user=` with no traces at 406 ms, and 32 of 21,000 `record()` calls rendering a batch inline (p50 91 ms).', '');
  lines.push('Not done yet: daily rollups (counts, sums and latency histograms per day × tenant × user × route × model, updated by the flush) would make the dashboard independent of the trace count.', '');

  lines.push('## 1. Response path: `TraceRecorder.record(draft)`', '');
  lines.push(
    `${int(path.calls)} calls in ${path.rounds} rounds, each call timed alone and followed by a yield to the event loop (so batches are written between calls, as in a server). ` +
      `Draft: ${path.draft.messages} messages, prompt p50 ${int(path.draft.promptChars.p50)} characters (${int(path.draft.promptChars.min)}–${int(path.draft.promptChars.max)}) with an e-mail address, ` +
      `answer p50 ${int(path.draft.responseChars.p50)} characters, ${path.draft.attempts} attempts (rate-limited, server error, fallback success). Baselines timed in the same loop, on their own fresh draft, order alternating.`,
    '',
  );
  lines.push('| what | p50 µs | p90 µs | p99 µs | max µs | mean µs |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  const row = (label: string, summary: LatencySummary) => lines.push(`| ${label} | ${fixed(summary.p50)} | ${fixed(summary.p90)} | ${fixed(summary.p99)} | ${fixed(summary.max)} | ${fixed(summary.mean)} |`);
  row('empty function call (cost of timing)', path.baselineUs.emptyCall);
  row('**baseline**: build the draft (`answeredTrace`)', path.baselineUs.buildDraft);
  row('**baseline**: `RequestMetrics.observe` alone', path.baselineUs.metricsObserve);
  row('**`record(draft)`**, every call', path.recordUs);
  row('`record(draft)`, calls that did not start a flush', path.recordWithoutFlushUs);
  lines.push('');
  lines.push(
    `- record() p50 per round: ${path.recordRoundP50sUs.map((value) => `${fixed(value)} µs`).join(', ')}. Build + record p50: ${fixed(path.buildPlusRecordP50Us)} µs. ` +
      `record() p50 is ${fixed(path.ratios.recordP50ToMetricsObserveP50)}× \`metrics.observe\` alone (which it includes) and ${fixed(path.ratios.recordP50ToBuildDraftP50)}× building the draft.`,
    `- ${path.recordStartingFlush.count} calls started a flush: p50 ${fixed(path.recordStartingFlush.ms.p50)} ms, p90 ${fixed(path.recordStartingFlush.ms.p90)} ms, max ${fixed(path.recordStartingFlush.ms.max)} ms. They are why the mean (${fixed(path.recordUs.mean)} µs) is far above the p50. Drafts dropped: ${path.tracesDropped}.`,
    '',
  );

  lines.push('## 2. Writer, off the response path: flushes of 500 (render + insert) on SQLite', '');
  lines.push(`${int(writer?.traces ?? 0)} traces per content mode through the product recorder, batch by batch (the 500th \`record()\` of a batch starts its flush). Per-trace figures: median over batches ÷ 500.`, '');
  lines.push('| content mode | wall µs/trace | CPU µs/trace | render µs/trace | insert µs/trace | first 10 → last 10 batches, µs/trace | batch ms p50 / p99 | event loop blocked per batch, ms p50 / max | inline part in `record()`, ms p50 | traces/s (one core) | dropped |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const figures of result.writers) {
    lines.push(
      `| ${figures.contentMode} | ${fixed(figures.perTraceUs.wall, 1)} | ${fixed(figures.perTraceUs.cpu, 1)} | ${fixed(figures.perTraceUs.render, 1)} | ${fixed(figures.perTraceUs.insert, 1)} | ` +
        `${fixed(figures.firstTenBatchesWallPerTraceUs, 1)} → ${fixed(figures.lastTenBatchesWallPerTraceUs, 1)} | ${fixed(figures.batchMs.p50, 1)} / ${fixed(figures.batchMs.p99, 1)} | ` +
        `${fixed(figures.eventLoopBlockedPerBatchMs.p50, 1)} / ${fixed(figures.eventLoopBlockedPerBatchMs.max, 1)} | ${fixed(figures.recordStartingFlushMs.p50, 1)} | ${int(figures.tracesPerSecond)} | ${figures.tracesDropped} |`,
    );
  }
  lines.push('');
  if (writer !== undefined) {
    const share = (rate: number) => `${fixed((rate * writer.perTraceUs.wall) / 1e4, 0)}%`;
    lines.push(
      `- The queue keeps up while requests stay below ~${int(writer.tracesPerSecond)}/s (redacted), but the writer shares the API’s event loop: at 100 requests/s it uses ~${share(100)} of that core, at 1,000 requests/s ~${share(1000)}.`,
      `- Below ~${int(timerBatchRate)} requests/s the ${recorder.flushIntervalMs} ms timer writes smaller batches (rate × ${recorder.flushIntervalMs / 1000} s), so the stall shrinks in proportion (e.g. ~${fixed((writer.perTraceUs.wall * 100 * (recorder.flushIntervalMs / 1000)) / 1000, 1)} ms every ${recorder.flushIntervalMs} ms at 100 requests/s) and no request renders a batch.`,
      '- CPU below wall means the process waited for a core (other load on the machine); render and insert are wall times inside the flush.',
      '',
    );
  }

  lines.push('## Storage per trace (SQLite)', '');
  lines.push('| content mode | **bytes/trace** (page_count × page_size, after − before, ÷ traces) | table | of which unused | indexes (3) | avg prompt column | avg response column | avg attempts column | file after checkpoint |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const figures of result.storage) {
    const tableFigures = figures.objects.find((object) => object.name === 'traces');
    const indexes = figures.objects.filter((object) => object.name !== 'traces').reduce((sum, object) => sum + object.bytesPerTrace, 0);
    lines.push(
      `| ${figures.contentMode} | **${int(figures.bytesPerTrace)}** | ${int(tableFigures?.bytesPerTrace ?? Number.NaN)} | ${int(tableFigures?.unusedBytesPerTrace ?? Number.NaN)} | ${int(indexes)} | ${int(figures.averageColumnBytes.prompt)} | ${int(figures.averageColumnBytes.response)} | ${int(figures.averageColumnBytes.attempts)} | ${fixed(figures.fileBytesAfterCheckpoint / 1024 ** 2, 1)} MiB |`,
    );
  }
  if (storage !== undefined) {
    lines.push(
      '',
      `Pages: ${int(storage.pagesBefore)} before, ${int(storage.pagesAfter)} after (${storage.pageSize} bytes each; freelist ${storage.freelistPagesAfter}). Indexes: ${storage.objects
        .filter((object) => object.name !== 'traces')
        .map((object) => `${object.name} ${int(object.bytesPerTrace)} B/trace`)
        .join(', ')}. 30 days at 100k traces/month: ~${fixed((storage.bytesPerTrace * 1e5) / 1024 ** 2, 0)} MiB redacted.`,
    );
  }
  lines.push('');

  lines.push(`## 3. Reads with ${int(result.setup.traces)} traces: real HTTP on loopback`, '');
  lines.push(
    `${http.requestsPerSeries} requests per series after ${http.warmupRounds} warm-up round(s), one at a time, every series in every round (order rotating). Admin key (every tenant) unless marked; the small-tenant baselines use a tenant-admin key whose tenant has 60 traces. Deep page: ${int(http.deepOffset)} traces behind the cursor.`,
    '',
  );
  lines.push('| series | p50 ms | p90 ms | p99 ms | max ms | × `/v1/models` (p50) | items | body KiB |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, summary] of Object.entries(latency)) {
    lines.push(
      `| ${SERIES_LABELS[name] ?? name} | ${fixed(summary.p50)} | ${fixed(summary.p90)} | ${fixed(summary.p99)} | ${fixed(summary.max)} | ${fixed(http.ratioP50ToAuthenticatedBaseline[name], 1)} | ${int(http.items[name] ?? 0)} | ${fixed((http.bodyBytes[name] ?? 0) / 1024, 1)} |`,
    );
  }
  lines.push('', 'Items: traces on the page for lists; requests counted in the window for the dashboard.', '');

  lines.push(`### The dashboard’s queries, each alone in process (median of 3, ms)`, '');
  lines.push('| query (30 days, every tenant) | redacted store (the API’s) | hashes-mode store (same traces, no content in rows) |', '| --- | ---: | ---: |');
  for (const name of Object.keys(result.dashboardQueriesMs.days30)) {
    lines.push(`| ${name === 'sumOfQueries' ? '**sum**' : `\`${name}\``} | ${fixed(result.dashboardQueriesMs.days30[name])} | ${fixed(result.dashboardQueriesMs.days30HashesStore[name])} |`);
  }
  lines.push('', '`/v1/dashboard` starts them together (`Promise.all`) on the one SQLite connection, which runs them one after another, so the HTTP time is at least their sum (plus the alerts and review reads, percentiles and JSON).', '');

  lines.push('### SQLite query plans (EXPLAIN QUERY PLAN of the equivalent SQL)', '');
  for (const [name, plan] of Object.entries(result.plans)) lines.push(`- ${name}: \`${plan}\``);
  lines.push('');

  if (browser !== null) {
    lines.push('## The `/dashboard/` page in headless Chromium', '');
    lines.push(
      `${browser.loads} cold loads per viewer (new browser context each, after one unmeasured load; viewers alternating) of \`${browser.url}\`, signed in through sessionStorage; ` +
        `times from navigation start, measured in the page (MutationObserver). **admin** sees all ${int(result.setup.traces)} traces; ` +
        `**small tenant** (baseline, same run) is a tenant-admin whose tenant has 60 traces — the same page, rows and tiles, almost no data behind the queries. Chromium: \`${browser.executable}\`.`,
      '',
    );
    const viewerNames = Object.keys(browser.viewers);
    lines.push(`| milestone, median ms (min–max) | ${viewerNames.map((name) => (name === 'smallTenant' ? 'small tenant (baseline)' : name)).join(' | ')} |`, `| --- |${viewerNames.map(() => ' ---: |').join('')}`);
    const milestones: [keyof BrowserLoads['viewers'][string]['median'], string][] = [
      ['domContentLoadedMs', 'DOMContentLoaded (the page’s ES modules, before any data)'],
      ['apiTracesMs', '`GET /v1/traces` (resource timing)'],
      ['apiDashboardMs', `\`GET /v1/dashboard?days=${browser.days}\` (resource timing)`],
      ['traceRowsMs', 'trace table rendered (first `trace-row` in `trace-list`)'],
      ['kpisMs', 'KPI tiles rendered (`kpis`)'],
      ['renderedMs', '**both rendered**'],
      ['clientWallMs', 'bench’s wall clock, goto → both seen'],
    ];
    for (const [field, label] of milestones) {
      lines.push(
        `| ${label} | ${viewerNames
          .map((name) => {
            const viewer = browser.viewers[name]!;
            return `${fixed(viewer.median[field], 1)} (${fixed(viewer.min[field], 0)}–${fixed(viewer.max[field], 0)})`;
          })
          .join(' | ')} |`,
      );
    }
    lines.push('', `Trace rows rendered per load: ${viewerNames.map((name) => `${name} ${[...new Set(browser.viewers[name]!.perLoad.map((load) => load.traceRows))].join('/')}`).join(', ')}.`, '');
  }

  lines.push('## Notes', '');
  for (const note of result.notes) lines.push(`- ${note}`);
  lines.push(
    '',
    'Run: `npx tsc -p tsconfig.build.json && node dist/bench/observability.js` (defaults: `--record-calls 21000 --traces 100000 --requests 30 --warmup 1 --loads 5 --deep-offset 50000`; `--no-browser` skips Chromium, `--no-write` leaves the result files alone).',
    '',
  );
  return lines.join('\n');
}
