/**
 * The stack the load and soak benchmarks drive: the real `apps/api` and `apps/worker` processes
 * (as a production deployment runs them), a Temporal dev server on SQLite, and the simulator,
 * with routes for a realistic mix — plain answers, RAG answers (retrieval + validation) and
 * cacheable answers — and a seeded collection. Upstream 429s are a simulator scenario.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { startThrowawayPostgres, type ThrowawayPostgres } from '../libs/store/src/testing/start-throwaway-postgres.js';
import { BENCH_API_KEY, startInfrastructure, startVariant, type Infrastructure, type RunningVariant } from './bench-stack.js';
import { openAiClient } from './senders.js';

/** The kinds of request in the mix. */
export type MixKind = 'plain' | 'rag' | 'cached';

/** Share of each kind; the rest of 1 after rag and cached is plain. */
export interface LoadMix {
  readonly ragShare: number;
  readonly cachedShare: number;
  /** Share of primary-provider calls answered 429 by the simulator (each retried or failed over). */
  readonly upstream429Share: number;
}

export const DEFAULT_MIX: LoadMix = { ragShare: 0.3, cachedShare: 0.2, upstream429Share: 0.1 };

const PRIMARY_MODEL = 'gpt-4.1-mini';
const COLLECTION = 'handbook';
/** The few questions cached requests repeat: after the warm-up each is a hit. */
const CACHED_QUESTIONS = ['What are the office hours?', 'How do I reset my password?', 'Where is the travel policy?', 'Who approves expenses?', 'What is the support email?'];
const HANDBOOK = [
  'Office hours are 9:00 to 17:30, Monday to Friday. The office is closed on public holidays.',
  'Expenses under 500 EUR are approved by your team lead; larger expenses need the finance director.',
  'Passwords are reset at the self-service portal; the support desk answers at support@example.com within 4 hours.',
  'The travel policy allows economy class for flights under 6 hours and premium economy above that.',
  'New employees receive a laptop on their first day and complete security training within 14 days.',
];

/** Routes of the mix: each is a request's `model`. */
function mixConfig(): unknown {
  const targets = [
    { provider: 'openai', model: PRIMARY_MODEL, maxAttempts: 3 },
    { provider: 'anthropic', model: 'claude-haiku-4-5', maxAttempts: 2 },
  ];
  return {
    circuitBreaker: { failureThreshold: 1_000_000 },
    retry: { initialIntervalMs: 20, maximumIntervalMs: 200, maxRetryAfterMs: 1000 },
    routes: {
      // The tiers `model: "auto"` picks from must exist; the load names its routes directly.
      simple: { targets },
      complex: { targets },
      'load-plain': { targets },
      'load-rag': { targets, retrieval: { collections: [COLLECTION], topK: 3 } },
      'load-cached': { targets, cache: { exact: true, admitSimulated: true } },
    },
  };
}

/** A running load stack: the variant, its infrastructure, and senders for each side. */
export interface LoadStack {
  readonly infrastructure: Infrastructure;
  readonly variant: RunningVariant;
  /** Where each process's probe writes its samples (see loop-lag-probe.ts). */
  readonly probeFiles: Readonly<Record<string, string>>;
  /** Sends request `index` of the mix through Ballast. */
  durable(index: number): Promise<void>;
  /** Sends the same request straight to the simulator with the same client (the baseline). */
  direct(index: number): Promise<void>;
  stop(): Promise<void>;
}

/** Which kind request `index` is: a fixed interleaving, so every run and both sides see the same sequence. */
export function mixKind(index: number, mix: LoadMix): MixKind {
  // A low-discrepancy sequence (golden ratio) spreads each kind evenly over time.
  const position = (index * 0.6180339887498949) % 1;
  if (position < mix.ragShare) return 'rag';
  if (position < mix.ragShare + mix.cachedShare) return 'cached';
  return 'plain';
}

function question(kind: MixKind, index: number): string {
  if (kind === 'cached') return CACHED_QUESTIONS[index % CACHED_QUESTIONS.length] as string;
  if (kind === 'rag') return `Request ${index}: who approves an expense of 700 EUR, and what are the office hours?`;
  return `Request ${index}: summarise why durable workflows help LLM applications.`;
}

export async function startLoadStack(options: {
  workDir: string;
  mix: LoadMix;
  label: string;
  probeIntervalMs?: number;
  /** Extra node flags for the API and worker (e.g. `--cpu-prof`). */
  nodeArgs?: readonly string[];
  /** `split` (default): API and worker as their own processes; `combined`: one process, as `npm start` runs them. */
  topology?: 'split' | 'combined';
  /** Ballast's SQL store: `sqlite` (default, the embedded file) or `postgres` (a throwaway cluster from the Debian binaries). */
  store?: 'sqlite' | 'postgres';
}): Promise<LoadStack> {
  const infrastructure = await startInfrastructure({ store: 'sqlite', workDir: options.workDir });
  let postgres: ThrowawayPostgres | undefined;
  try {
    if (options.store === 'postgres') postgres = await startThrowawayPostgres();
    const configFile = join(options.workDir, 'load-config.json');
    writeFileSync(configFile, JSON.stringify(mixConfig(), null, 2));
    const probeDir = join(options.workDir, 'probes');
    mkdirSync(probeDir, { recursive: true });
    const probeFiles: Record<string, string> = { api: join(probeDir, 'api.jsonl'), worker: join(probeDir, 'worker.jsonl'), 'api+worker': join(probeDir, 'api+worker.jsonl') };
    const probe = new URL('./loop-lag-probe.js', import.meta.url).pathname;
    const variant = await startVariant(
      { id: options.label, startMode: 'update-with-start', callModelAs: 'activity', topology: options.topology ?? 'split', serverProfile: 'default' },
      infrastructure,
      options.label,
      ['--import', probe, ...(options.nodeArgs ?? [])],
      (processName) => ({
        BALLAST_CONFIG: configFile,
        BALLAST_LOCAL_EMBEDDINGS: 'off',
        BALLAST_DEMO_CORPUS: 'off',
        ...(postgres ? { BALLAST_DATABASE_URL: postgres.url } : {}),
        ...(probeFiles[processName] ? { BALLAST_PROBE_FILE: probeFiles[processName] as string, BALLAST_PROBE_INTERVAL_MS: String(options.probeIntervalMs ?? 1000) } : {}),
      }),
    );
    await seedHandbook(variant.apiUrl);
    await setUpstream429s(infrastructure.simulatorUrl, options.mix.upstream429Share);
    const ballast = openAiClient(`${variant.apiUrl}/v1`, BENCH_API_KEY);
    // The baseline retries 429s as an application using the SDK's defaults would (2 retries, honouring retry-after-ms).
    const simulator = new OpenAI({ baseURL: `${infrastructure.simulatorUrl}/v1`, apiKey: 'bench-direct', maxRetries: 2, timeout: 60_000 });
    const ask = async (client: OpenAI, model: string, content: string) => {
      const completion = await client.chat.completions.create({ model, messages: [{ role: 'user', content }] });
      if (!completion.choices[0]?.message.content) throw new Error(`${model} answered without content`);
    };
    return {
      infrastructure,
      variant,
      probeFiles,
      durable: (index) => {
        const kind = mixKind(index, options.mix);
        return ask(ballast, `load-${kind}`, question(kind, index));
      },
      // The baseline calls the primary model itself: what the application would do without Ballast.
      direct: (index) => ask(simulator, PRIMARY_MODEL, question(mixKind(index, options.mix), index)),
      async stop() {
        await variant.stop();
        await infrastructure.stop();
        await postgres?.stop();
      },
    };
  } catch (error) {
    await infrastructure.stop();
    await postgres?.stop();
    throw error;
  }
}

/** Uploads the handbook and waits until every document is ready for retrieval. */
async function seedHandbook(apiUrl: string): Promise<void> {
  const headers = { authorization: `Bearer ${BENCH_API_KEY}`, 'content-type': 'application/json' };
  const created = await fetch(`${apiUrl}/v1/collections`, { method: 'POST', headers, body: JSON.stringify({ name: COLLECTION }) });
  if (!created.ok) throw new Error(`creating collection ${COLLECTION}: ${created.status} ${await created.text()}`);
  const ids: string[] = [];
  for (const [index, content] of HANDBOOK.entries()) {
    const response = await fetch(`${apiUrl}/v1/collections/${COLLECTION}/documents`, { method: 'POST', headers, body: JSON.stringify({ title: `Handbook ${index + 1}`, content, media_type: 'text/markdown' }) });
    if (response.status !== 202) throw new Error(`uploading handbook ${index + 1}: ${response.status} ${await response.text()}`);
    ids.push(((await response.json()) as { id: string }).id);
  }
  const deadline = Date.now() + 60_000;
  for (const id of ids) {
    for (;;) {
      const document = (await (await fetch(`${apiUrl}/v1/collections/${COLLECTION}/documents/${id}`, { headers })).json()) as { status: string; error?: string };
      if (document.status === 'ready') break;
      if (document.status === 'failed') throw new Error(`handbook document ${id} failed to ingest: ${document.error ?? 'no error given'}`);
      if (Date.now() > deadline) throw new Error(`handbook document ${id} still ${document.status} after 60 s`);
      await new Promise((resolveDelay) => setTimeout(resolveDelay, 200));
    }
  }
}

async function setUpstream429s(simulatorUrl: string, share: number): Promise<void> {
  if (share <= 0) return;
  const scenario = { faults: [{ kind: 'status', status: 429, rate: share, retryAfterMs: 20 }] };
  const response = await fetch(`${simulatorUrl}/_sim/scenarios/${PRIMARY_MODEL}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scenario) });
  if (!response.ok) throw new Error(`simulator scenario: ${response.status} ${await response.text()}`);
}

/** How the load and soak benchmarks run the stack, from their `--topology` and `--store` options. */
export interface StackChoice {
  readonly topology: 'split' | 'combined';
  readonly store: 'sqlite' | 'postgres';
  /** Appended to the result's name when not the default (split on SQLite): `-combined`, `-postgres`. */
  readonly resultSuffix: string;
  readonly description: string;
}

export function stackChoice(options: { topology: string; store: string }): StackChoice {
  const { topology, store } = options;
  if (topology !== 'split' && topology !== 'combined') throw new Error(`--topology must be split or combined, not ${topology}`);
  if (store !== 'sqlite' && store !== 'postgres') throw new Error(`--store must be sqlite or postgres, not ${store}`);
  const processes = topology === 'split' ? 'apps/api and apps/worker as separate processes' : 'API and worker in one process (as npm start runs them)';
  const sql = store === 'sqlite' ? "Ballast's store on SQLite (one file shared by the processes)" : "Ballast's store on PostgreSQL 15 (a local cluster)";
  return {
    topology,
    store,
    resultSuffix: `${topology === 'split' ? '' : `-${topology}`}${store === 'sqlite' ? '' : `-${store}`}`,
    description: `${processes} (product defaults: Update-with-Start, callModel as an activity); ${sql}; Temporal dev server on SQLite; simulator at 0 ms latency as its own process`,
  };
}
