import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkConfig } from './check-config.js';

describe('checkConfig', () => {
  it('passes the configuration API and worker would load, naming its file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'ballast-doctor-config-'));
    writeFileSync(join(directory, 'ballast.yaml'), 'environment: test\n');
    const loaded = checkConfig({ env: {}, cwd: directory });
    expect(loaded.config?.environment).toBe('test');
    expect(loaded.results).toEqual([{ name: 'configuration', status: 'pass', detail: `loaded from ${join(directory, 'ballast.yaml')} (environment: test)` }]);
  });

  it('turns every problem of the loader into a failing line with its message', () => {
    const loaded = checkConfig({ env: { BALLAST_PORT: 'eighty', TEMPORAL_UI_URL: 'not a url' }, cwd: '/nonexistent' });
    expect(loaded.config).toBeUndefined();
    expect(loaded.results).toEqual([
      expect.objectContaining({ name: 'configuration server.port', status: 'fail', detail: 'BALLAST_PORT="eighty" is not a whole number (from environment)' }),
      expect.objectContaining({ name: 'configuration temporal.uiUrl', status: 'fail' }),
    ]);
  });

  it('warns when production still uses the simulator', () => {
    const loaded = checkConfig({ env: { BALLAST_ENV: 'production', BALLAST_API_KEYS: 'sk-production-key-000:acme:ops' }, cwd: '/nonexistent' });
    expect(loaded.results[1]).toMatchObject({ status: 'warn', detail: 'production uses the simulator for some providers' });
  });
});
