import { ConfigError } from './config-error.js';
import { DEVELOPMENT_API_KEY, loadConfig } from './load-config.js';

const cwd = '/nonexistent-directory-without-ballast-yaml';

test('with no keys and no file, providers are the simulator and the development key works', () => {
  const config = loadConfig({ env: {}, cwd });
  expect(config.usesSimulator).toBe(true);
  expect(config.providers.map((provider) => [provider.name, provider.simulated])).toEqual([
    ['openai', true],
    ['anthropic', true],
  ]);
  expect(config.auth.apiKeys[0]?.key).toBe(DEVELOPMENT_API_KEY);
  expect(Object.keys(config.routes)).toEqual(['simple', 'complex']);
});

test('a provider key switches that provider to the real API', () => {
  const config = loadConfig({ env: { OPENAI_API_KEY: 'sk-real' }, cwd });
  const openai = config.providers.find((provider) => provider.name === 'openai');
  expect(openai).toMatchObject({ simulated: false, apiKey: 'sk-real' });
  expect(openai?.baseURL).toBeUndefined();
});

test('environment variables set typed values; a bad number is named', () => {
  expect(loadConfig({ env: { BALLAST_PORT: '9000', TEMPORAL_ADDRESS: 'temporal:7233' }, cwd }).server.port).toBe(9000);
  expect(() => loadConfig({ env: { BALLAST_PORT: 'eighty' }, cwd })).toThrow(/server\.port: BALLAST_PORT="eighty" is not a whole number/);
});

test('BALLAST_API_KEYS parses key:tenant:user lists', () => {
  const config = loadConfig({ env: { BALLAST_API_KEYS: 'sk-aaaaaaaaaaaa:acme:ann, sk-bbbbbbbbbbbb' }, cwd });
  expect(config.auth.apiKeys).toEqual([
    { key: 'sk-aaaaaaaaaaaa', tenantId: 'acme', userId: 'ann' },
    { key: 'sk-bbbbbbbbbbbb', tenantId: 'default', userId: 'default' },
  ]);
});

test('BALLAST_API_KEYS takes an optional role; the development key is an admin', () => {
  const config = loadConfig({ env: { BALLAST_API_KEYS: 'sk-aaaaaaaaaaaa:acme:ops:tenant-admin' }, cwd });
  expect(config.auth.apiKeys).toEqual([{ key: 'sk-aaaaaaaaaaaa', tenantId: 'acme', userId: 'ops', role: 'tenant-admin' }]);
  expect(() => loadConfig({ env: { BALLAST_API_KEYS: 'sk-aaaaaaaaaaaa:acme:ops:root' }, cwd })).toThrow(/auth\.apiKeys\[0\]\.role/);
  expect(loadConfig({ env: {}, cwd }).auth.apiKeys[0]).toMatchObject({ key: DEVELOPMENT_API_KEY, role: 'admin' });
});

test('production refuses to start without API keys, and says how to fix it', () => {
  expect(() => loadConfig({ env: { BALLAST_ENV: 'production' }, cwd })).toThrow(/auth\.apiKeys: production needs at least one API key: set BALLAST_API_KEYS/);
});

test('every problem is reported at once, each naming its field', () => {
  try {
    loadConfig({ env: {}, cwd, overrides: { server: { port: -1 }, routes: { simple: { targets: [{ provider: 'nope', model: 'gpt-4.1' }] } } } });
    throw new Error('expected a ConfigError');
  } catch (error) {
    expect(ConfigError.isInstance(error)).toBe(true);
    expect((error as ConfigError).problems.map((problem) => problem.path)).toEqual(['server.port']);
  }
  expect(() => loadConfig({ env: {}, cwd, overrides: { routes: { simple: { targets: [{ provider: 'nope', model: 'gpt-unknown' }] }, complex: { targets: [{ provider: 'openai', model: 'gpt-4.1' }] } } } })).toThrow(
    /routes\.simple\.targets\[0\]\.provider: unknown provider 'nope'[\s\S]*routes\.simple\.targets\[0\]\.model: model 'gpt-unknown' is not in the catalog/,
  );
});

test('a named config file that does not exist is an error, not a silent default', () => {
  expect(() => loadConfig({ env: { BALLAST_CONFIG: 'missing.yaml' }, cwd })).toThrow(/BALLAST_CONFIG: file .*missing\.yaml does not exist/);
});

test('storage and embedding references are checked at start, not at first use', () => {
  expect(() => loadConfig({ env: { BALLAST_VECTOR_STORE: 'qdrant' }, cwd })).toThrow(/storage\.vectorStore\.url: the vector store is qdrant but no URL is set: set QDRANT_URL/);
  expect(() => loadConfig({ env: {}, cwd, overrides: { embeddings: [{ name: 'e5', provider: 'nope', dimensions: 384 }] } })).toThrow(/embeddings\[0\]\.provider: unknown provider 'nope'/);
  expect(() => loadConfig({ env: {}, cwd, overrides: { embeddings: [{ name: 'e5', dimensions: 384 }] } })).toThrow(/embeddings\[0\]: set exactly one of provider and baseURL/);
});
