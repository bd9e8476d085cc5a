import { ensureNatsServer, startNatsServer, type NatsServerHandle } from '#libs/nats-server';
import { checkStreamRelay } from './check-stream-relay.js';
import { doctorTestContext } from './doctor-test-config.js';

describe('checkStreamRelay', () => {
  let server: NatsServerHandle;
  beforeAll(async () => {
    server = await startNatsServer({ serverPath: ensureNatsServer().path });
  }, 900_000);
  afterAll(() => server?.stop());

  it('adds nothing for the in-process relay', async () => {
    expect(await checkStreamRelay(doctorTestContext())).toEqual([]);
  });

  it('passes a reachable NATS server, with its version', async () => {
    const results = await checkStreamRelay(doctorTestContext({}, { BALLAST_NATS_URL: server.url }));
    expect(results).toEqual([{ name: 'stream relay (NATS)', status: 'pass', detail: expect.stringMatching(new RegExp(`^reached ${server.url} \\(server 2\\.\\d+\\.\\d+, round trip`)) }]);
  });

  it('fails an unreachable one, without printing its credentials, and says how to fix it', async () => {
    const results = await checkStreamRelay(doctorTestContext({}, { BALLAST_NATS_URL: 'nats://user:secret@127.0.0.1:1' }));
    expect(results).toEqual([{ name: 'stream relay (NATS)', status: 'fail', detail: expect.stringContaining('cannot reach NATS at nats://***@127.0.0.1:1'), fix: expect.stringContaining('BALLAST_NATS_URL') }]);
    expect(JSON.stringify(results)).not.toContain('secret');
  });
});
