import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trackHttpRequests } from './drain-http-server.js';

/** A GET with a keep-alive agent, answering status, `connection` header and body. */
function get(port: number, path: string): Promise<{ status: number; connection: string | undefined; body: string }> {
  return new Promise((resolveResponse, reject) => {
    const outgoing = httpRequest({ host: '127.0.0.1', port, path, headers: { connection: 'keep-alive' } }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolveResponse({ status: response.statusCode ?? 0, connection: response.headers.connection, body }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('trackHttpRequests', () => {
  let server: Server;
  let port: number;
  let arrived: () => void;
  const release = new Set<() => void>();

  beforeEach(async () => {
    server = createServer((incoming, response) => {
      if (incoming.url === '/slow') {
        release.add(() => response.end('slow answer'));
        arrived();
      } else response.end('fast answer');
    });
    await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
    port = (server.address() as AddressInfo).port;
  });

  it('refuses new connections at once, finishes the in-flight request with Connection: close, then resolves', async () => {
    const drain = trackHttpRequests(server);
    const slowArrived = new Promise<void>((resolveArrived) => (arrived = resolveArrived));
    const slow = get(port, '/slow');
    await slowArrived;
    expect(drain.inFlight).toBe(1);

    const drained = drain.drain(10_000);
    await expect(get(port, '/fast')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    for (const answer of release) answer();
    expect(await slow).toEqual({ status: 200, connection: 'close', body: 'slow answer' });
    expect(await drained).toEqual({ cut: 0 });
  });

  it('cuts what is still running when the grace period ends', async () => {
    const drain = trackHttpRequests(server);
    const slowArrived = new Promise<void>((resolveArrived) => (arrived = resolveArrived));
    const slow = get(port, '/slow');
    await slowArrived;
    const started = Date.now();
    expect(await drain.drain(300)).toEqual({ cut: 1 });
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect(slow).rejects.toMatchObject({ code: 'ECONNRESET' });
  });

  afterEach(() => release.clear());
});
