import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { State } from '@temporalio/worker';

/** The probe endpoints of a worker process, for orchestrators (it serves no other HTTP). */
export interface WorkerHealthServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * `GET /health/live`: 200 unless the worker failed (the orchestrator then restarts the pod).
 * `GET /health/ready`: 200 only while it polls (`RUNNING`); 503 while starting or draining
 * after SIGTERM, so dashboards and rollouts see a stopping worker as not ready.
 */
export async function startWorkerHealthServer(worker: { getState(): State }, port: number, host: string): Promise<WorkerHealthServer> {
  const server = createServer((request, response) => {
    const state = worker.getState();
    const answer = (ok: boolean) => response.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', worker: state }));
    if (request.method !== 'GET') return response.writeHead(405).end();
    if (request.url === '/health/live') return answer(state !== 'FAILED');
    if (request.url === '/health/ready') return answer(state === 'RUNNING');
    return response.writeHead(404).end();
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolveListen);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.address}:${address.port}`,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolveClose) => server.close(() => resolveClose()));
    },
  };
}
