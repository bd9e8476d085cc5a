import type { State } from '@temporalio/worker';
import { startWorkerHealthServer } from './worker-health-server.js';

describe('startWorkerHealthServer', () => {
  it('is live unless failed, and ready only while the worker polls', async () => {
    let state: State = 'INITIALIZED';
    const health = await startWorkerHealthServer({ getState: () => state }, 0, '127.0.0.1');
    try {
      const status = async (path: string) => (await fetch(`${health.url}${path}`)).status;
      expect([await status('/health/live'), await status('/health/ready')]).toEqual([200, 503]);
      state = 'RUNNING';
      expect([await status('/health/live'), await status('/health/ready')]).toEqual([200, 200]);
      expect(await (await fetch(`${health.url}/health/ready`)).json()).toEqual({ status: 'ok', worker: 'RUNNING' });
      state = 'DRAINING';
      expect([await status('/health/live'), await status('/health/ready')]).toEqual([200, 503]);
      state = 'FAILED';
      expect([await status('/health/live'), await status('/health/ready')]).toEqual([503, 503]);
      expect(await status('/elsewhere')).toBe(404);
    } finally {
      await health.close();
    }
  });
});
