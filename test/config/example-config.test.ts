import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { z } from 'zod';
import { BallastConfigSchema, ConfigError, loadConfig, type ConfigProblem } from '#libs/config';
import { projectRoot } from '#libs/project';

const EXAMPLE = join(projectRoot(), 'ballast.example.yaml');
/** The example names these variables in `apiKeyEnv`; real keys are never needed to validate. */
const PROVIDER_KEYS = { OPENAI_API_KEY: 'sk-test-openai', ANTHROPIC_API_KEY: 'sk-test-anthropic' };

type Document = Record<string, unknown>;

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ballast-example-config-'));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function exampleDocument(): Document {
  return parse(readFileSync(EXAMPLE, 'utf8')) as Document;
}

/** Writes a changed copy of the example and returns the ConfigError loading it throws. */
function loadBroken(change: (document: Document) => void, env: NodeJS.ProcessEnv = {}): ConfigError {
  const document = exampleDocument();
  change(document);
  const file = join(scratch, 'ballast.yaml');
  writeFileSync(file, stringify(document));
  try {
    loadConfig({ env: { BALLAST_CONFIG: file, ...PROVIDER_KEYS, ...env }, cwd: scratch });
  } catch (error) {
    if (ConfigError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('the broken configuration was accepted');
}

function setIn(document: Document, path: ReadonlyArray<string | number>, value: unknown): void {
  let node: unknown = document;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[key];
  const last = path[path.length - 1] as string | number;
  if (value === undefined) delete (node as Record<string | number, unknown>)[last];
  else (node as Record<string | number, unknown>)[last] = value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Schema fields no value in `values` sets, as dotted paths. Array elements and record values
 * pool together: a field counts as documented when any provider, model or rule shows it.
 */
function undocumentedFields(schema: z.ZodType, values: readonly unknown[], path: string): string[] {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  if (inner instanceof z.ZodObject) {
    const objects = values.filter(isPlainObject);
    return Object.entries(inner.shape as Record<string, z.ZodType>).flatMap(([key, field]) => {
      const fieldPath = path ? `${path}.${key}` : key;
      const present = objects.map((object) => object[key]).filter((value) => value !== undefined);
      return present.length === 0 ? [fieldPath] : undocumentedFields(field, present, fieldPath);
    });
  }
  if (inner instanceof z.ZodArray) {
    return undocumentedFields(inner.element as z.ZodType, values.flatMap((value) => (Array.isArray(value) ? value : [])), `${path}[]`);
  }
  if (inner instanceof z.ZodRecord) {
    return undocumentedFields(inner.valueType as z.ZodType, values.flatMap((value) => (isPlainObject(value) ? Object.values(value) : [])), `${path}.*`);
  }
  return [];
}

describe('ballast.example.yaml', () => {
  test('validates, with its providers, local model, routes and routing rules', () => {
    const config = loadConfig({ env: { BALLAST_CONFIG: EXAMPLE, ...PROVIDER_KEYS }, cwd: projectRoot() });
    expect(config.configFile).toBe(EXAMPLE);
    expect(config.providers.map((provider) => [provider.name, provider.kind, provider.simulated])).toEqual([
      ['openai', 'openai', false],
      ['anthropic', 'anthropic', false],
      ['local', 'openai-compatible', false],
    ]);
    expect(config.providers[0]?.apiKey).toBe('sk-test-openai');
    expect(config.catalog.get('llama3.1-8b')).toMatchObject({ id: 'llama-3.1-8b-instruct', provider: 'local', contextWindow: 131_072 });
    expect(config.catalog.get('gpt-4.1-mini').pricesPerMillion).toEqual({ input: 0.35, output: 1.4, cachedInput: 0.09 });
    expect(Object.keys(config.routes)).toEqual(['simple', 'complex', 'long-context', 'private', 'handbook']);
    expect(config.routes['handbook']?.retrieval).toEqual({ collections: ['handbook'], topK: 5, hybrid: true, diversity: 0.3, minScore: 0.2 });
    expect(config.routing.tiers).toEqual(['simple', 'complex', 'long-context', 'private']);
    expect(config.auth.apiKeys).toEqual([{ key: 'sk-ballast-example-0001', tenantId: 'acme', userId: 'backend', name: 'acme backend service', role: 'tenant-admin' }]);
    expect(config.budgets).toEqual({ globalDailyUsd: 500, softLimitRatio: 0.8, tenants: { acme: { dailyUsd: 50, monthlyUsd: 1000 } }, users: { dailyUsd: 5, monthlyUsd: 100 } });
    expect(config.rateLimits).toEqual({ perKey: { rpm: 600, tpm: 200_000 }, store: 'database' });
    expect(config.temporal).toMatchObject({ address: 'temporal-frontend:7233', startMode: 'update-with-start', callModelAs: 'activity' });
  });

  test('shows every field of the configuration schema', () => {
    expect(undocumentedFields(BallastConfigSchema, [exampleDocument()], '')).toEqual([]);
  });

  test('the field check notices a field the example leaves out', () => {
    const document = exampleDocument();
    setIn(document, ['retry', 'maxRetryAfterMs'], undefined);
    setIn(document, ['routing', 'rules'], [{ name: 'only', tier: 'simple', when: { hasCode: true } }]);
    const missing = undocumentedFields(BallastConfigSchema, [document], '');
    expect(missing).toContain('retry.maxRetryAfterMs');
    expect(missing).toContain('routing.rules[].when.minTurns');
  });

  test('environment variables override the file', () => {
    const config = loadConfig({ env: { BALLAST_CONFIG: EXAMPLE, ...PROVIDER_KEYS, BALLAST_PORT: '9090', TEMPORAL_NAMESPACE: 'staging' }, cwd: projectRoot() });
    expect(config.server.port).toBe(9090);
    expect(config.temporal.namespace).toBe('staging');
  });
});

describe('deployment configuration', () => {
  test("the Helm chart's default ballast.yaml validates with the environment the chart sets", () => {
    const values = parse(readFileSync(join(projectRoot(), 'deploy', 'helm', 'ballast', 'values.yaml'), 'utf8')) as { config: Document; temporal: Record<string, string> };
    const file = join(scratch, 'helm-ballast.yaml');
    writeFileSync(file, stringify(values.config));
    const config = loadConfig({
      env: {
        BALLAST_CONFIG: file,
        BALLAST_API_KEYS: 'sk-helm-test-key-0001:acme:backend',
        TEMPORAL_ADDRESS: values.temporal['address'],
        TEMPORAL_NAMESPACE: values.temporal['namespace'],
        ...PROVIDER_KEYS,
      },
      cwd: scratch,
    });
    expect(config.environment).toBe('production');
    expect(config.usesSimulator).toBe(false);
    expect(config.auth.apiKeys).toEqual([expect.objectContaining({ tenantId: 'acme', userId: 'backend' })]);
    expect(config.temporal.namespace).toBe('ballast');
  });
});

describe('a broken copy of the example names the field to fix', () => {
  const cases: Array<[string, (document: Document) => void, NodeJS.ProcessEnv, Partial<ConfigProblem>]> = [
    [
      'a route naming an unknown provider',
      (document) => setIn(document, ['routes', 'simple', 'targets', 0, 'provider'], 'mistral'),
      {},
      { path: 'routes.simple.targets[0].provider', message: expect.stringContaining("unknown provider 'mistral'") as string },
    ],
    [
      'a route naming a model outside the catalog',
      (document) => setIn(document, ['routes', 'complex', 'targets', 0, 'model'], 'gpt-9'),
      {},
      { path: 'routes.complex.targets[0].model', message: expect.stringContaining("model 'gpt-9' is not in the catalog") as string },
    ],
    ['a negative port', (document) => setIn(document, ['server', 'port'], -1), {}, { path: 'server.port', message: expect.stringMatching(/>=\s*0/) as string }],
    [
      'a routing rule naming an unknown tier',
      (document) => setIn(document, ['routing', 'rules', 0, 'tier'], 'urgent'),
      {},
      { path: 'routing.rules[0].tier', message: expect.stringContaining("unknown tier 'urgent'") as string },
    ],
    [
      'a tier without a route',
      (document) => setIn(document, ['routes', 'private'], undefined),
      {},
      { path: 'routing.tiers', message: expect.stringContaining("tier 'private' has no route") as string },
    ],
    [
      'a provider whose key variable is unset',
      () => undefined,
      { OPENAI_API_KEY: undefined },
      { path: 'providers[0].apiKey', message: expect.stringContaining('OPENAI_API_KEY is not set') as string },
    ],
    [
      'a misspelt field',
      (document) => setIn(document, ['retry', 'initialIntervalMS'], 100),
      {},
      { path: 'retry', message: expect.stringContaining('initialIntervalMS') as string },
    ],
    [
      'production without API keys',
      (document) => setIn(document, ['auth'], undefined),
      {},
      { path: 'auth.apiKeys', message: expect.stringContaining('production needs at least one API key') as string },
    ],
  ];

  test.each(cases)('%s', (_name, change, env, expected) => {
    const error = loadBroken(change, env);
    expect(error.problems).toEqual(expect.arrayContaining([expect.objectContaining(expected)]));
    // Operators read the message, not the problems array: it must carry the path too.
    expect(error.message).toContain(`${expected.path}:`);
  });
});
