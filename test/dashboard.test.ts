import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './support/chromium.js';
import { ADMIN_API_KEY, startTestStack, type TestStack } from './support/test-stack.js';

/** CI uploads this folder: the full-page screenshot shows what the dashboard looked like on this commit. */
const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const XSS_PROMPT = 'Explain this markup: <img src=x onerror="window.__ballastXss = 1"> in one sentence.';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
type Json = Record<string, any>;

interface SentChat {
  readonly requestId: string;
  readonly model: string;
  readonly temporalUiUrl: string;
}

let stack: TestStack;
let browser: Browser;
let context: BrowserContext | undefined;
const chats: SentChat[] = [];
let xssChat: SentChat;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  [stack, browser] = await Promise.all([startTestStack(), launchChromium()]);
  // The admin key both sends and reads: whether the backend shows an admin its own tenant or
  // every tenant, these requests are in its view.
  for (const content of ['What is the capital of France?', 'Name three prime numbers.', 'Summarise Hamlet in two sentences.']) {
    chats.push(await sendChat(content));
  }
  xssChat = await sendChat(XSS_PROMPT);
  chats.push(xssChat);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
}, 60_000);

afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function sendChat(content: string): Promise<SentChat> {
  const response = await stack.api('/v1/chat/completions', { key: ADMIN_API_KEY, json: { model: 'auto', messages: [{ role: 'user', content }], max_tokens: 50 } });
  const body = (await response.json()) as Json;
  expect(response.status).toBe(200);
  return { requestId: body['ballast'].request_id, model: body['ballast'].model, temporalUiUrl: body['ballast'].temporal_ui_url };
}

async function getJson(path: string, key: string = ADMIN_API_KEY): Promise<{ status: number; body: Json }> {
  const response = await stack.api(path, { key });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
}

let tracesRecorded: Promise<void> | undefined;

/**
 * Traces and totals may be written after the chat answer; wait until the API lists every chat.
 * A non-200 fails at once with the API's own words (before the backend exists: a 404).
 */
function allChatsRecorded(): Promise<void> {
  tracesRecorded ??= (async () => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const traces = await getJson('/v1/traces?limit=50');
      const report = await getJson('/v1/dashboard?days=1');
      for (const [path, answer] of [['/v1/traces', traces], ['/v1/dashboard', report]] as const) {
        if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.body['detail'] ?? JSON.stringify(answer.body)}`);
      }
      const listed = new Set((traces.body['data'] as Json[]).map((trace) => trace['id']));
      if (chats.every((chat) => listed.has(chat.requestId)) && report.body['totals'].requests >= chats.length) return;
      if (Date.now() > deadline) throw new Error(`after 30 s /v1/traces lists ${[...listed].join(', ')}; expected ${chats.map((chat) => chat.requestId).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  return tracesRecorded;
}

async function openDashboard(): Promise<Page> {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const response = await page.goto(`${stack.apiUrl}/dashboard`);
  expect(response?.status()).toBe(200);
  // Assets are relative URLs: they resolve under /dashboard/ only, so /dashboard must redirect there.
  expect(new URL(page.url()).pathname).toBe('/dashboard/');
  return page;
}

async function signIn(page: Page, key: string): Promise<void> {
  await page.fill('[data-testid=signin-key]', key);
  await page.click('[data-testid=signin-submit]');
}

async function waitUntilLoaded(page: Page): Promise<void> {
  await page.waitForSelector('main[data-state=ready]');
  await page.waitForSelector('[data-testid=trace-explorer][data-state=ready]');
}

async function openTrace(page: Page, requestId: string): Promise<void> {
  await page.click(`[data-testid=trace-list] [data-trace-id="${requestId}"]`);
  await page.waitForSelector(`[data-testid=trace-detail][data-trace-id="${requestId}"][data-state=ready]`);
}

const numberIn = async (page: Page, testid: string) => Number(await page.getAttribute(`[data-testid=${testid}]`, 'data-value'));

describe('the operator dashboard', () => {
  test('is served at /dashboard and sends a wrong key back to the sign-in form with the reason', async () => {
    const page = await openDashboard();
    const refused = await getJson('/v1/dashboard?days=14', 'sk-not-a-key');
    expect(refused.status).toBe(401);
    await signIn(page, 'sk-not-a-key');
    await page.waitForSelector('[data-testid=signin-error]:not([hidden])');
    expect(await page.textContent('[data-testid=signin-error]')).toBe(refused.body['detail']);
    expect(await page.isHidden('[data-testid=app]')).toBe(true);
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
  }, 90_000);

  test('shows totals, charts, the trace explorer with Temporal links, and a trace with its attempts', async () => {
    await allChatsRecorded();
    const page = await openDashboard();
    await signIn(page, ADMIN_API_KEY);
    await waitUntilLoaded(page);

    expect(await numberIn(page, 'kpi-requests')).toBeGreaterThanOrEqual(chats.length);
    expect(await numberIn(page, 'kpi-spend')).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=chart-spend-by-day] svg rect.bar').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=chart-latency-by-day] svg circle').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=chart-spend-by-model] svg rect.bar').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=chart-spend-by-user] svg rect.bar').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=chart-cache-by-day] svg').count()).toBe(1);

    for (const chat of chats) {
      const row = page.locator(`[data-testid=trace-list] [data-trace-id="${chat.requestId}"]`);
      await row.waitFor();
      const link = row.locator('[data-testid=temporal-link]');
      // The chat answer links the workflow; the trace may link its exact run below it.
      expect((await link.getAttribute('href'))?.slice(0, chat.temporalUiUrl.length)).toBe(chat.temporalUiUrl);
      expect(await link.getAttribute('target')).toBe('_blank');
      expect(await link.getAttribute('rel')).toContain('noopener');
    }
    await page.screenshot({ path: `${ARTIFACTS}dashboard.png`, fullPage: true });

    const [first] = chats;
    await openTrace(page, first!.requestId);
    const attempts = page.locator('[data-testid=trace-detail] [data-testid=attempt-row]');
    expect(await attempts.count()).toBeGreaterThan(0);
    const success = page.locator('[data-testid=trace-detail] [data-testid=attempt-row][data-outcome=success]');
    expect(await success.count()).toBe(1);
    expect(await success.textContent()).toContain(first!.model);
    await page.screenshot({ path: `${ARTIFACTS}dashboard-trace.png` });
  }, 120_000);

  test('shows a prompt containing markup as text, never as markup', async () => {
    await allChatsRecorded();
    const page = await openDashboard();
    await signIn(page, ADMIN_API_KEY);
    await waitUntilLoaded(page);
    await openTrace(page, xssChat.requestId);

    const detail = page.locator('[data-testid=trace-detail]');
    expect(await detail.locator('img').count()).toBe(0);
    expect(await page.evaluate('window.__ballastXss')).toBeUndefined();
    const mode = await detail.locator('[data-testid=content-mode]').textContent();
    if (mode === 'full' || mode === 'redacted') {
      // Stored content must come back as the literal characters the user sent.
      expect(await detail.locator('[data-testid=trace-prompt]').textContent()).toContain('<img src=x onerror=');
    } else {
      expect(await detail.locator('[data-testid=trace-hashes]').textContent()).toContain('sha256:');
    }
  }, 90_000);

  test('keeps hostile strings in every field as text and pages the explorer with next_cursor', async () => {
    const page = await openDashboard();
    const tracePages: string[] = [];
    // The real page and assets, with the API answered from hostile fixtures: the backend's
    // data is trusted nowhere in the page, whatever tenants put in prompts, names or reviews.
    await page.route('**/v1/**', async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/v1/dashboard') return route.fulfill({ json: hostileReport() });
      if (url.pathname === '/v1/traces') {
        tracePages.push(url.searchParams.get('cursor') ?? 'first');
        return route.fulfill({ json: url.searchParams.has('cursor') ? { object: 'list', data: [hostileTrace('req_second_page')], next_cursor: null } : { object: 'list', data: [hostileTrace('req_hostile')], next_cursor: 'page-2' } });
      }
      return route.fulfill({ json: { ...hostileTrace(decodeURIComponent(url.pathname.split('/').pop()!)), ...hostileDetail() } });
    });
    await signIn(page, 'sk-any-key-the-fixture-accepts');
    await waitUntilLoaded(page);
    await page.click('[data-testid=trace-load-more]');
    await page.waitForSelector('[data-testid=trace-list] [data-trace-id=req_second_page]');
    expect(tracePages).toEqual(['first', 'page-2']);
    await openTrace(page, 'req_hostile');

    expect(await page.evaluate('window.__ballastXss')).toBeUndefined();
    expect(await page.locator('main img, aside img, main script, aside script, main iframe, aside iframe').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('[data-testid=weekly-review] [data-testid=review-body]').textContent()).toContain(HOSTILE);
    expect(await page.locator('[data-testid=alerts]').textContent()).toContain(HOSTILE);
    expect(await page.locator('[data-testid=eval-run-list]').textContent()).toContain(HOSTILE);
    expect(await page.locator('[data-testid=trace-prompt]').textContent()).toContain(HOSTILE);
    expect(await page.locator('[data-testid=trace-response]').textContent()).toContain(HOSTILE);
  }, 90_000);

  test('shows the eval runs with their pass rate, groundedness and gate, and their trend', async () => {
    const suite = { suite: 'dashboard-evals', defaults: { model: 'gpt-4.1-mini' }, queries: [
      { id: 'answers', question: 'Say hello.', assert: [{ type: 'contains-any', value: ['simulated'] }] },
      { id: 'cannot', question: 'Say hello.', assert: [{ type: 'contains-all', value: ['a fact no answer states'] }] },
    ] };
    const created = await stack.api('/v1/evals', { key: ADMIN_API_KEY, json: { suite } });
    expect(created.status).toBe(202);
    const runId = ((await created.json()) as Json)['id'] as string;
    await stack.client.workflow.getHandle(`eval-${runId}`).result();

    const page = await openDashboard();
    await signIn(page, ADMIN_API_KEY);
    await waitUntilLoaded(page);
    const row = page.locator(`[data-testid=eval-run-row][data-eval-run-id="${runId}"]`);
    expect(await row.textContent()).toMatch(/dashboard-evals.*api.*2.*50\.0%.*fail/);
    expect(await page.locator('[data-testid=eval-trend] svg').count()).toBe(1);
  }, 90_000);

  test('sign out forgets the key and returns to the form', async () => {
    await allChatsRecorded();
    const page = await openDashboard();
    await signIn(page, ADMIN_API_KEY);
    await waitUntilLoaded(page);
    await page.click('[data-testid=signout]');
    await page.waitForSelector('[data-testid=signin-form]');
    expect(await page.evaluate('sessionStorage.length')).toBe(0);
    await page.reload();
    await page.waitForSelector('[data-testid=signin-form]');
    expect(await page.isHidden('[data-testid=app]')).toBe(true);
  }, 90_000);
});

const HOSTILE = '<img src=x onerror="window.__ballastXss=1"><script>window.__ballastXss=2</script>';

function hostileTrace(id: string): Json {
  return {
    id, created_at: new Date().toISOString(), tenant_id: `t${HOSTILE}`, user_id: `u${HOSTILE}`, key_id: HOSTILE, route: `r${HOSTILE}`,
    provider: HOSTILE, model: `m${HOSTILE}`, status: 'error', error_type: HOSTILE, http_status: 500, latency_ms: 1200, ttft_ms: null,
    input_tokens: 10, output_tokens: 0, cached_tokens: 0, cost_usd: 0.001, cache_status: HOSTILE, retries: 1, fallbacks: 1, groundedness: null,
    workflow_id: HOSTILE, run_id: HOSTILE, temporal_ui_url: 'javascript:window.__ballastXss=3', prompt_template: { id: HOSTILE, version: HOSTILE },
  };
}

function hostileDetail(): Json {
  return {
    content_mode: 'full', prompt: [{ role: HOSTILE, content: HOSTILE }], response: HOSTILE, prompt_hash: HOSTILE, response_hash: HOSTILE,
    attempts: [{ provider: HOSTILE, model: HOSTILE, attempt: 1, outcome: HOSTILE, latency_ms: 5, error_kind: HOSTILE, status_code: 500, message: HOSTILE }],
    redactions: { [HOSTILE]: 1 },
  };
}

function hostileReport(): Json {
  const now = new Date();
  const day = now.toISOString().slice(0, 10);
  return {
    generated_at: now.toISOString(), since: new Date(now.getTime() - 86_400_000).toISOString(), days: 1,
    totals: { requests: 1, errors: 1, cost_usd: 0.001, cache_hits: 0, cache_hit_rate: 0, fallbacks: 1, retries: 1, p50_ms: 1200, p95_ms: 1200, p99_ms: 1200, groundedness_mean: null, low_groundedness_share: null, budget_rejections: 0 },
    spend_by_day: [{ day, cost_usd: 0.001, requests: 1 }],
    spend_by_model: [{ provider: HOSTILE, model: HOSTILE, cost_usd: 0.001, requests: 1 }],
    spend_by_user: [{ tenant_id: HOSTILE, user_id: HOSTILE, cost_usd: 0.001, requests: 1 }],
    latency_by_day: [{ day, p50_ms: 1200, p95_ms: 1200, p99_ms: 1200 }],
    cache_by_day: [{ day, hits: 0, requests: 1, hit_rate: 0 }],
    fallbacks_by_day: [{ day, fallbacks: 1, retries: 1 }],
    errors_by_type: [{ error_type: HOSTILE, count: 1 }],
    groundedness_by_day: [{ day, mean: null, answers: 0 }],
    most_expensive: [hostileTrace('req_hostile')],
    alerts: [{ rule: HOSTILE, kind: HOSTILE, severity: HOSTILE, status: 'firing', subject: HOSTILE, since: now.toISOString(), summary: HOSTILE }],
    eval_runs: [{ id: HOSTILE, suite: HOSTILE, status: 'completed', trigger: HOSTILE, tenant_id: HOSTILE, queries: 3, created_at: now.toISOString(), pass_rate: 0.5, mean_groundedness: 0.75, total_cost_usd: 0.01, gate: HOSTILE }],
    review: {
      id: HOSTILE, created_at: now.toISOString(), period_start: now.toISOString(), period_end: now.toISOString(),
      markdown: `# ${HOSTILE}\n\n${HOSTILE} **${HOSTILE}** \`${HOSTILE}\`\n\n- [click](javascript:window.__ballastXss=4)\n\n| a | b |\n| - | - |\n| ${HOSTILE} | x |\n`,
    },
  };
}
