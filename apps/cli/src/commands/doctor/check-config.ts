import { ConfigError, loadConfig, type LoadConfigOptions, type ResolvedConfig } from '#libs/config';
import type { CheckResult } from './doctor-check.js';

/** The configuration and its check line, or every problem the loader found. */
export type ConfigCheck = { readonly config: ResolvedConfig; readonly results: readonly CheckResult[] } | { readonly config: undefined; readonly results: readonly CheckResult[] };

/** Loads the configuration exactly as API and worker do; each problem becomes a `fail` line with the loader's message. */
export function checkConfig(options: LoadConfigOptions): ConfigCheck {
  try {
    const config = loadConfig(options);
    const source = config.configFile ? `loaded from ${config.configFile}` : 'no ballast.yaml; defaults and environment';
    const results: CheckResult[] = [{ name: 'configuration', status: 'pass', detail: `${source} (environment: ${config.environment})` }];
    if (config.usesSimulator && config.environment === 'production') {
      results.push({ name: 'configuration', status: 'warn', detail: 'production uses the simulator for some providers', fix: 'set the providers’ keys (OPENAI_API_KEY, ANTHROPIC_API_KEY or providers: in ballast.yaml) and BALLAST_SIMULATOR=never' });
    }
    return { config, results };
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error;
    return {
      config: undefined,
      results: error.problems.map((problem) => ({
        name: `configuration ${problem.path}`,
        status: 'fail' as const,
        detail: `${problem.message}${problem.source ? ` (from ${problem.source})` : ''}`,
        fix: 'correct it in ballast.yaml or the environment (see README "Configuration")',
      })),
    };
  }
}
