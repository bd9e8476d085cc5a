import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './load-config.js';

const cwd = '/nonexistent-directory-without-ballast-yaml';

describe('streaming.relay', () => {
  test('in-process by default', () => {
    expect(loadConfig({ env: {}, cwd }).streaming.relay).toEqual({ kind: 'in-process' });
  });

  test('BALLAST_NATS_URL selects the NATS relay, over a kind the file sets', () => {
    expect(loadConfig({ env: { BALLAST_NATS_URL: 'nats://nats:4222' }, cwd }).streaming.relay).toEqual({ kind: 'nats', url: 'nats://nats:4222' });
    const directory = mkdtempSync(join(tmpdir(), 'ballast-relay-'));
    writeFileSync(join(directory, 'ballast.yaml'), 'streaming:\n  relay:\n    kind: in-process\n');
    expect(loadConfig({ env: {}, cwd: directory }).streaming.relay).toEqual({ kind: 'in-process' });
    expect(loadConfig({ env: { BALLAST_NATS_URL: 'nats://a:4222, tls://b:4222' }, cwd: directory }).streaming.relay).toEqual({ kind: 'nats', url: 'nats://a:4222, tls://b:4222' });
    expect(loadConfig({ env: {}, cwd, overrides: { streaming: { relay: { url: 'nats://user:secret@nats:4222' } } } }).streaming.relay.kind).toBe('nats');
  });

  test('wrong settings are refused at start, naming the field and the fix', () => {
    expect(() => loadConfig({ env: { BALLAST_NATS_URL: 'http://nats:4222' }, cwd })).toThrow(/streaming\.relay\.url: not a NATS server URL: use nats:\/\/host:4222/);
    expect(() => loadConfig({ env: { BALLAST_NATS_URL: 'nats:4222' }, cwd })).toThrow(/streaming\.relay\.url: not a NATS server URL/);
    expect(() => loadConfig({ env: {}, cwd, overrides: { streaming: { relay: { kind: 'nats' } } } })).toThrow(/streaming\.relay\.url: kind is 'nats' but no url is set: set BALLAST_NATS_URL/);
    expect(() => loadConfig({ env: {}, cwd, overrides: { streaming: { relay: { kind: 'redis' } } } })).toThrow(/streaming\.relay\.kind must be 'in-process'/);
    expect(() => loadConfig({ env: {}, cwd, overrides: { streaming: { relay: { kind: 'in-process', url: 'nats://nats:4222' } } } })).toThrow(/streaming\.relay\.kind: kind is 'in-process' but a NATS url is set/);
  });
});
