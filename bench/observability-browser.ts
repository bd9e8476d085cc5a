/**
 * The `/dashboard/` page in headless Chromium (playwright-core and the system Chromium, as
 * test/dashboard.test.ts drives it): time from navigation to the KPI tiles and the trace table
 * rendered, measured inside the page against its navigation start.
 */
import { accessSync, constants } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { median, round } from './latency-stats.js';

/** Where the key lives (apps/api/src/dashboard/public/session.js). */
const SESSION_KEY = 'ballast.dashboard.apiKey';

/** One page load, in ms since navigation start. */
export interface PageLoad {
  readonly domContentLoadedMs: number;
  /** The KPI tiles are in the DOM (`[data-testid=kpis] > *`). */
  readonly kpisMs: number;
  /** The first trace row is in the DOM (`[data-testid=trace-row]`). */
  readonly traceRowsMs: number;
  /** Both: what the operator waits for. */
  readonly renderedMs: number;
  /** Duration of the page's `GET /v1/dashboard` and `GET /v1/traces` (Resource Timing). */
  readonly apiDashboardMs: number;
  readonly apiTracesMs: number;
  readonly traceRows: number;
  /** From `page.goto` in the bench to the page reporting both rendered (includes the bench's polling). */
  readonly clientWallMs: number;
}

/** The loads of one signed-in viewer. */
export interface ViewerLoads {
  /** Medians over the loads. */
  readonly median: Omit<PageLoad, 'traceRows'>;
  readonly min: Omit<PageLoad, 'traceRows'>;
  readonly max: Omit<PageLoad, 'traceRows'>;
  readonly perLoad: readonly PageLoad[];
}

export interface BrowserLoads {
  readonly executable: string;
  readonly loads: number;
  readonly days: number;
  readonly url: string;
  readonly viewers: Record<string, ViewerLoads>;
}

function chromiumExecutable(): string {
  const path = process.env['BALLAST_CHROMIUM'] ?? '/usr/bin/chromium';
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    throw new Error(`No Chromium at ${path}: install it (apt-get install chromium), set BALLAST_CHROMIUM, or run with --no-browser`);
  }
}

// Runs in the page before its own scripts: signs in through sessionStorage and records when the
// tiles and the first row appear (MutationObserver callbacks run right after each DOM change).
const initScript = (key: string) => `(() => {
  if (!location.pathname.startsWith('/dashboard')) return;
  sessionStorage.setItem(${JSON.stringify(SESSION_KEY)}, ${JSON.stringify(key)});
  const marks = (window.__benchMarks = {});
  const check = () => {
    if (marks.kpis === undefined && document.querySelector('[data-testid=kpis] > *')) marks.kpis = performance.now();
    if (marks.rows === undefined && document.querySelector('[data-testid=trace-list] [data-testid=trace-row]')) marks.rows = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

const DONE = 'window.__benchMarks !== undefined && window.__benchMarks.kpis !== undefined && window.__benchMarks.rows !== undefined';

const READ = `(() => {
  const navigation = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const duration = (part) => Math.max(0, ...resources.filter((entry) => entry.name.includes(part)).map((entry) => entry.duration));
  return {
    marks: window.__benchMarks,
    domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : NaN,
    dashboard: duration('/v1/dashboard'),
    traces: duration('/v1/traces'),
    rows: document.querySelectorAll('[data-testid=trace-list] [data-testid=trace-row]').length,
  };
})()`;

/**
 * `loads` cold loads per viewer (a new browser context each: empty cache, as a first visit),
 * after one unmeasured load; the viewers alternate load by load, the order swapping each time.
 */
export async function measureDashboardPage(options: { apiUrl: string; viewers: Record<string, string>; loads: number; days: number }): Promise<BrowserLoads> {
  const executable = chromiumExecutable();
  const browser = await chromium.launch({ executablePath: executable, headless: true, args: ['--no-sandbox'] });
  const url = `${options.apiUrl}/dashboard/#days=${options.days}`;
  const names = Object.keys(options.viewers);
  const perLoad: Record<string, PageLoad[]> = Object.fromEntries(names.map((name) => [name, []]));
  const loadOnce = async (key: string): Promise<PageLoad> => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    try {
      await context.addInitScript({ content: initScript(key) });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      const started = performance.now();
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(DONE, undefined, { polling: 10 });
      const clientWallMs = performance.now() - started;
      const read = (await page.evaluate(READ)) as { marks: { kpis: number; rows: number }; domContentLoaded: number; dashboard: number; traces: number; rows: number };
      return {
        domContentLoadedMs: round(read.domContentLoaded, 1),
        kpisMs: round(read.marks.kpis, 1),
        traceRowsMs: round(read.marks.rows, 1),
        renderedMs: round(Math.max(read.marks.kpis, read.marks.rows), 1),
        apiDashboardMs: round(read.dashboard, 1),
        apiTracesMs: round(read.traces, 1),
        traceRows: read.rows,
        clientWallMs: round(clientWallMs, 1),
      };
    } finally {
      await context.close();
    }
  };
  try {
    // One unmeasured load (of the last viewer, the cheapest here) starts Chromium's processes and Node's JIT.
    await loadOnce(options.viewers[names[names.length - 1] as string] as string);
    for (let index = 0; index < options.loads; index += 1) {
      const order = index % 2 === 0 ? names : [...names].reverse();
      for (const name of order) perLoad[name]?.push(await loadOnce(options.viewers[name] as string));
    }
  } finally {
    await browser.close();
  }
  const fields = ['domContentLoadedMs', 'kpisMs', 'traceRowsMs', 'renderedMs', 'apiDashboardMs', 'apiTracesMs', 'clientWallMs'] as const;
  const viewers = Object.fromEntries(
    names.map((name) => {
      const loads = perLoad[name] ?? [];
      const reduce = (pick: (values: number[]) => number) => Object.fromEntries(fields.map((field) => [field, round(pick(loads.map((load) => load[field])), 1)])) as Omit<PageLoad, 'traceRows'>;
      return [name, { median: reduce(median), min: reduce((values) => Math.min(...values)), max: reduce((values) => Math.max(...values)), perLoad: loads }];
    }),
  );
  return { executable, loads: options.loads, days: options.days, url: url.replace(options.apiUrl, ''), viewers };
}
