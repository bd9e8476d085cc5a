import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ModelCatalog } from '#libs/models';
import { DEFAULT_ROUTING_RULES } from '#libs/routing';
import { BallastConfigSchema, type BallastConfig, type ProviderConfig } from './config-schema.js';
import { ConfigError, type ConfigProblem } from './config-error.js';
import { defaultRoutes } from './default-routes.js';
import { API_KEYS_VARIABLE, CONFIG_FILE_VARIABLE, ENVIRONMENT_VARIABLES, NATS_URL_VARIABLE, PROVIDER_VARIABLES } from './environment-variables.js';
import { validateReferences } from './validate-references.js';

/** A provider with its key resolved from the environment. */
export type ResolvedProvider = ProviderConfig & { readonly apiKey: string; readonly simulated: boolean };

/** Validated configuration plus what was derived from it at start-up. */
export type ResolvedConfig = Omit<BallastConfig, 'providers' | 'routing'> & {
  readonly providers: readonly ResolvedProvider[];
  readonly routing: NonNullable<BallastConfig['routing']>;
  /** True when at least one provider points at the built-in simulator. */
  readonly usesSimulator: boolean;
  /** The file the configuration was read from, if any. */
  readonly configFile: string | undefined;
  readonly catalog: ModelCatalog;
};

export interface LoadConfigOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** Values applied over file and environment, for tests and embedding. */
  readonly overrides?: Record<string, unknown>;
}

/** A development key so the quick start works without setup; refused in production. */
export const DEVELOPMENT_API_KEY = 'sk-ballast-dev-0000';

/**
 * Reads `ballast.yaml` (if any), then environment variables, validates everything and
 * throws one ConfigError naming every wrong field and how to fix it.
 */
export function loadConfig(options: LoadConfigOptions = {}): ResolvedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const problems: ConfigProblem[] = [];

  const { document, file } = readConfigFile(env, cwd, problems);
  applyEnvironment(document, env, problems);
  deepAssign(document, options.overrides ?? {});

  const parsed = BallastConfigSchema.safeParse(document);
  if (!parsed.success) {
    throw new ConfigError([...problems, ...zodProblems(parsed.error, file)]);
  }
  if (problems.length > 0) throw new ConfigError(problems);

  const config = parsed.data;
  const providers = resolveProviders(config, env, problems);
  const usesSimulator = providers.some((provider) => provider.simulated);
  const catalog = ModelCatalog.withOverrides(config.models);
  const routes = Object.keys(config.routes).length > 0 ? config.routes : defaultRoutes(providers.map((p) => p.name));
  const routing = config.routing ?? DEFAULT_ROUTING_RULES;
  const apiKeys =
    config.auth.apiKeys.length > 0 || config.environment === 'production'
      ? config.auth.apiKeys
      : [{ key: DEVELOPMENT_API_KEY, tenantId: 'default', userId: 'default', name: 'development key', role: 'admin' as const }];
  if (apiKeys.length === 0) {
    problems.push({ path: 'auth.apiKeys', message: `production needs at least one API key: set ${API_KEYS_VARIABLE}=<key>:<tenant>:<user>[:<role>]` });
  }

  const resolved: ResolvedConfig = {
    ...config,
    auth: { apiKeys },
    providers,
    routes,
    routing,
    usesSimulator,
    configFile: file,
    catalog,
  };
  problems.push(...validateReferences(resolved));
  if (problems.length > 0) throw new ConfigError(problems);
  return resolved;
}

function readConfigFile(env: NodeJS.ProcessEnv, cwd: string, problems: ConfigProblem[]) {
  const explicit = env[CONFIG_FILE_VARIABLE];
  const file = explicit ? resolve(cwd, explicit) : resolve(cwd, 'ballast.yaml');
  if (!existsSync(file)) {
    if (explicit) problems.push({ path: CONFIG_FILE_VARIABLE, message: `file ${file} does not exist`, source: 'environment' });
    return { document: {} as Record<string, unknown>, file: undefined };
  }
  try {
    const value: unknown = parseYaml(readFileSync(file, 'utf8'));
    if (value === null || value === undefined) return { document: {}, file };
    if (typeof value !== 'object' || Array.isArray(value)) {
      problems.push({ path: '(root)', message: 'the file must hold a YAML mapping', source: file });
      return { document: {}, file };
    }
    return { document: value as Record<string, unknown>, file };
  } catch (error) {
    problems.push({ path: '(file)', message: `not valid YAML: ${(error as Error).message}`, source: file });
    return { document: {}, file };
  }
}

function applyEnvironment(document: Record<string, unknown>, env: NodeJS.ProcessEnv, problems: ConfigProblem[]) {
  for (const variable of ENVIRONMENT_VARIABLES) {
    const raw = env[variable.name];
    if (raw === undefined || raw === '') continue;
    if (variable.type === 'int') {
      const value = Number(raw);
      if (!Number.isInteger(value)) {
        problems.push({ path: variable.path, message: `${variable.name}="${raw}" is not a whole number`, source: 'environment' });
        continue;
      }
      setPath(document, variable.path, value);
    } else {
      setPath(document, variable.path, raw);
    }
  }
  // A NATS URL in the environment means the split deployment's relay, whatever the file says.
  if (env[NATS_URL_VARIABLE]) setPath(document, 'streaming.relay.kind', 'nats');
  const keys = env[API_KEYS_VARIABLE];
  if (keys) {
    setPath(
      document,
      'auth.apiKeys',
      keys
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => {
          const [key, tenantId, userId, role] = entry.split(':');
          return { key, tenantId: tenantId || 'default', userId: userId || 'default', ...(role ? { role } : {}) };
        }),
    );
  }
}

function resolveProviders(config: BallastConfig, env: NodeJS.ProcessEnv, problems: ConfigProblem[]): ResolvedProvider[] {
  const simulatorAllowed = config.simulator.mode !== 'never';
  if (config.providers.length > 0) {
    return config.providers.map((provider, index) => {
      const apiKey = provider.apiKey ?? (provider.apiKeyEnv ? env[provider.apiKeyEnv] : undefined);
      if (!apiKey) {
        problems.push({
          path: `providers[${index}].apiKey`,
          message: provider.apiKeyEnv
            ? `environment variable ${provider.apiKeyEnv} is not set`
            : 'set apiKey or apiKeyEnv (the name of the variable that holds the key)',
        });
      }
      return { ...provider, apiKey: apiKey ?? '', simulated: false };
    });
  }
  const simulatorUrl = config.simulator.url.replace(/\/$/, '');
  const providers: ResolvedProvider[] = [];
  for (const variable of PROVIDER_VARIABLES) {
    const apiKey = env[variable.keyVariable];
    const baseURL = env[variable.baseUrlVariable];
    if (apiKey && config.simulator.mode !== 'always') {
      providers.push({ name: variable.provider, kind: variable.kind, apiKey, timeoutMs: 60_000, simulated: false, ...(baseURL ? { baseURL } : {}) });
    } else if (simulatorAllowed) {
      const simulatedBase = variable.kind === 'openai' ? `${simulatorUrl}/v1` : simulatorUrl;
      providers.push({ name: variable.provider, kind: variable.kind, apiKey: 'simulated', baseURL: simulatedBase, timeoutMs: 60_000, simulated: true });
    }
  }
  if (providers.length === 0) {
    problems.push({
      path: 'providers',
      message: 'no provider is configured and the simulator is off: set OPENAI_API_KEY or ANTHROPIC_API_KEY, list providers in ballast.yaml, or set BALLAST_SIMULATOR=auto',
    });
  }
  return providers;
}

function zodProblems(error: z.ZodError, file: string | undefined): ConfigProblem[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
    ...(file ? { source: file } : {}),
  }));
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '') || '(root)';
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}

function deepAssign(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isPlainObject(value) && isPlainObject(existing)) deepAssign(existing, value);
    else target[key] = value;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
