import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BatchStore } from './batch-store.js';
import { routeRequest } from './route-request.js';
import type { Scenario } from './scenario.js';
import { ScenarioRegistry } from './scenario-registry.js';
import { createSeededRandom } from './seeded-random.js';
import { StatsRecorder, type SimulatorStats } from './simulator-stats.js';
import type { SimulatorState } from './simulator-state.js';

/** Seed used when none is given, so even an unconfigured simulator is reproducible. */
export const DEFAULT_SEED = 0x5eed;

/** How to start a simulator. */
export interface SimulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** Seed of the PRNG behind fault rates and latency draws; default {@link DEFAULT_SEED}. */
  seed?: number;
  /** Scenarios by model id, `'*'` for every other model. Validated; also what a reset returns to. */
  scenarios?: Record<string, Scenario>;
}

/** A running simulator. */
export interface SimulatorHandle {
  /** Base URL without a path, e.g. `http://127.0.0.1:41234`; OpenAI clients add `/v1`. */
  url: string;
  /** The port actually bound (useful with `port: 0`). */
  port: number;
  /** Stops listening and drops every open connection, hanging ones included. */
  close(): Promise<void>;
  /** Validates and installs a scenario for a model id (or `'*'`); throws on an invalid one. */
  setScenario(model: string, scenario: Scenario): void;
  /** Back to the start-up scenarios, with fresh fault counters. */
  resetScenarios(): void;
  /** A snapshot of calls, failures and billed tokens per model. */
  stats(): SimulatorStats;
  /** Zeroes every counter. */
  resetStats(): void;
  /** Forgets every file and provider batch. */
  resetBatches(): void;
}

function formatUrl(host: string, port: number): string {
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}

/** Starts an OpenAI- and Anthropic-compatible fake provider on plain `node:http`. */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SimulatorHandle> {
  const host = options.host ?? '127.0.0.1';
  const state: SimulatorState = {
    scenarios: new ScenarioRegistry(options.scenarios),
    stats: new StatsRecorder(),
    random: createSeededRandom(options.seed ?? DEFAULT_SEED),
    batches: new BatchStore(),
    now: () => Date.now(),
  };
  const server = createServer((request, response) => {
    void routeRequest(state, request, response);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;

  return {
    url: formatUrl(host, port),
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hanging calls and keep-alive sockets would otherwise hold close() open indefinitely.
        server.closeAllConnections();
      });
      return closing;
    },
    setScenario: (model, scenario) => state.scenarios.set(model, scenario),
    resetScenarios: () => state.scenarios.reset(),
    stats: () => state.stats.snapshot(),
    resetStats: () => state.stats.reset(),
    resetBatches: () => state.batches.reset(),
  };
}
