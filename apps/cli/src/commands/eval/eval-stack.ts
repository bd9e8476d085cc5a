import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '@temporalio/worker';
import { redactingLogger } from '#apps/worker';
import { DEVELOPMENT_API_KEY, loadConfig } from '#libs/config';
import { startStack, type RunningStack } from '../start-stack.js';

/** An embedded stack for one eval run, and the key to call it with. */
export interface EvalStack {
  readonly stack: RunningStack;
  readonly apiKey: string;
}

/**
 * Brings up the stack `ballast start` runs, for one eval run: free ports and a fresh data
 * directory (so a running `npm start` is not disturbed and every run ingests the corpus the same
 * way), the providers, routes and models of the configuration (the simulator when no key is set).
 */
export async function startEvalStack(log: (line: string) => void): Promise<EvalStack> {
  const [temporalPort, uiPort, simulatorPort] = await freePorts(3);
  const config = loadConfig({
    overrides: {
      dataDir: mkdtempSync(join(tmpdir(), 'ballast-eval-')),
      server: { port: 0 },
      temporal: { address: `127.0.0.1:${temporalPort}`, uiUrl: `http://127.0.0.1:${uiPort}` },
      simulator: { url: `http://127.0.0.1:${simulatorPort}` },
      // The suite's corpus is ingested by the eval itself, into the collection it names.
      demoCorpus: { mode: 'off' },
    },
  });
  const key = config.auth.apiKeys.find((apiKey) => apiKey.role === 'admin' || apiKey.role === 'tenant-admin')?.key;
  if (key === undefined) throw new Error(`ballast eval needs an admin or tenant-admin key in auth.apiKeys (the development key ${DEVELOPMENT_API_KEY} is one)`);
  // The launcher stops the parts itself; SDK logs pass through the configured redaction.
  Runtime.install({ shutdownSignals: [], logger: redactingLogger(config.observability.redaction, { level: 'WARN' }) });
  const stack = await startStack(config, log);
  return { stack, apiKey: key };
}

/** Ports free right now (the OS picks them); the parts bind them a moment later. */
async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () => new Promise<import('node:net').Server>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve(server));
    })),
  );
  const ports = servers.map((server) => (server.address() as import('node:net').AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}
