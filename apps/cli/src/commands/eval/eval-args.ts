import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { API_KEY_VARIABLE, clientSettings } from '../../http/client-settings.js';
import { normalizeApiUrl } from '../../http/ballast-api.js';

export const EVAL_USAGE = `ballast eval --suite <file> [options]

Runs a golden-query suite through the real pipeline (each query a chat workflow), prints a table,
writes JSON, Markdown and HTML reports, and exits 1 when a threshold or regression bound is crossed.

Options:
  --suite <file>        the suite (YAML; see README "Evaluation")
  --baseline <file>     a previous run's JSON report to compare against
                        (default: <suite>.baseline.json beside the suite, when it exists)
  --update-baseline     write this run's JSON report as the baseline
  --out <dir>           where the reports go (default eval-results)
  --model <name>        run every query on this model or route
  --pass-rate <0-1>     replaces the suite's thresholds.passRate (0: gate on regressions only)
  --max-regression <0-1> replaces the suite's thresholds.maxRegression
  --api <url>           run against this Ballast API instead of an embedded stack
  --key <key>           with --api: a tenant-admin or admin key (env ${API_KEY_VARIABLE})
  -h, --help            this text

Without --api it brings up the embedded stack as \`ballast start\` does (Temporal dev server,
simulator when no provider key is set, worker, API) on free ports with a fresh data directory,
ingests the suite's corpus, runs the suite and stops everything.

Exit codes: 0 gate passed, 1 gate failed, 2 bad arguments, suite or baseline, 3 the run failed.
`;

/** What `ballast eval` was asked to do. */
export interface EvalOptions {
  readonly suitePath: string;
  /** Absent: no baseline (none given and none beside the suite). */
  readonly baselinePath?: string;
  /** Where `--update-baseline` writes: the given baseline, or `<suite>.baseline.json`. */
  readonly baselineTarget: string;
  readonly updateBaseline: boolean;
  readonly outDirectory: string;
  readonly model?: string;
  /** Replaces the suite's gate bounds. */
  readonly thresholds?: { readonly passRate?: number; readonly maxRegression?: number };
  /** Absent: an embedded stack. */
  readonly api?: { readonly url: string; readonly key: string };
}

/** Arguments that cannot work; the CLI prints the message and exits with 2. */
export class EvalUsageError extends Error {
  override readonly name = 'EvalUsageError';
}

/** `demo/golden.yaml` → `demo/golden.baseline.json`. */
export function defaultBaselinePath(suitePath: string): string {
  return join(dirname(suitePath), `${basename(suitePath).replace(/\.ya?ml$/i, '')}.baseline.json`);
}

/** Parses `ballast eval` arguments (after the command name); `help` when asked for. */
export function parseEvalArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): EvalOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        suite: { type: 'string' },
        baseline: { type: 'string' },
        'update-baseline': { type: 'boolean' },
        out: { type: 'string' },
        model: { type: 'string' },
        'pass-rate': { type: 'string' },
        'max-regression': { type: 'string' },
        api: { type: 'string' },
        key: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new EvalUsageError((error as Error).message);
  }
  const { values } = parsed;
  if (values.help) return 'help';
  const suitePath = values.suite?.trim();
  if (!suitePath) throw new EvalUsageError('--suite <file> is required: the golden-query suite to run');
  if (!existsSync(suitePath)) throw new EvalUsageError(`--suite: no file '${suitePath}'`);
  if (values.baseline !== undefined && !existsSync(values.baseline) && !values['update-baseline']) throw new EvalUsageError(`--baseline: no file '${values.baseline}'`);
  const besideSuite = defaultBaselinePath(suitePath);
  const baselinePath = values.baseline ?? (existsSync(besideSuite) ? besideSuite : undefined);
  let api: EvalOptions['api'];
  if (values.api !== undefined) {
    const settings = clientSettings({ api: values.api, key: values.key }, env);
    const url = normalizeApiUrl(settings.apiUrl);
    if (!url) throw new EvalUsageError(`--api must be an http(s) URL such as http://127.0.0.1:8080, not '${values.api}'`);
    api = { url, key: settings.apiKey };
  } else if (values.key !== undefined) throw new EvalUsageError('--key goes with --api (the embedded stack uses its development key)');
  const passRate = fraction(values['pass-rate'], '--pass-rate');
  const maxRegression = fraction(values['max-regression'], '--max-regression');
  return {
    suitePath,
    ...(baselinePath !== undefined && existsSync(baselinePath) ? { baselinePath } : {}),
    baselineTarget: values.baseline ?? besideSuite,
    updateBaseline: values['update-baseline'] ?? false,
    outDirectory: values.out ?? 'eval-results',
    ...(values.model ? { model: values.model } : {}),
    ...(passRate === undefined && maxRegression === undefined
      ? {}
      : { thresholds: { ...(passRate === undefined ? {} : { passRate }), ...(maxRegression === undefined ? {} : { maxRegression }) } }),
    ...(api ? { api } : {}),
  };
}

function fraction(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) throw new EvalUsageError(`${flag} must be a number from 0 to 1, not '${text}'`);
  return value;
}
