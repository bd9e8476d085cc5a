/**
 * Routing accuracy and cost benchmark.
 *
 *   node dist/bench/routing-accuracy.js [--fixture labelled.json] [--rules rules.yaml]
 *     [--cheap-model gpt-4.1-mini] [--strong-model gpt-4.1]
 *
 * Prints JSON: accuracy and confusion matrix per split (tune / holdout / all), the cost of
 * the router's choices against the baseline of sending everything to the strong model,
 * the misroutes that put quality at risk, and the router's latency as a ratio to
 * serialising the same messages (work every request pays anyway), measured in this run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { ModelCatalog } from '#libs/models';
import {
  classifyRequest,
  DEFAULT_ROUTING_RULES,
  evaluateRouter,
  extractRequestFeatures,
  parseLabelledQueries,
  parseRoutingRules,
  type LabelledQuery,
  type RoutingRules,
} from '#libs/routing';

const FIXTURE_IN_REPO = 'libs/routing/src/__fixtures__/labelled-queries.json';
const OUTPUT_TOKENS_BY_LABEL = { simple: 120, complex: 300 } as const;
const TIMING_ROUNDS = 200;

/** Knobs of one benchmark run. */
export interface RoutingAccuracyOptions {
  /** Labelled set; defaults to the repo fixture. */
  readonly fixturePath?: string;
  /** JSON or YAML routing rules; defaults to DEFAULT_ROUTING_RULES. */
  readonly rulesPath?: string;
  readonly cheapModel?: string;
  readonly strongModel?: string;
}

/** Runs the benchmark and returns the JSON-ready result. */
export function runRoutingAccuracy(options: RoutingAccuracyOptions = {}): Record<string, unknown> {
  const fixturePath = options.fixturePath ?? findRepoFile(FIXTURE_IN_REPO);
  const queries = parseLabelledQueries(JSON.parse(readFileSync(fixturePath, 'utf8')));
  const rules: RoutingRules =
    options.rulesPath === undefined
      ? DEFAULT_ROUTING_RULES
      : parseRoutingRules(parseYaml(readFileSync(options.rulesPath, 'utf8')));
  const catalog = ModelCatalog.withOverrides();
  const cheap = catalog.get(options.cheapModel ?? 'gpt-4.1-mini');
  const strong = catalog.get(options.strongModel ?? 'gpt-4.1');

  const evaluation = evaluateRouter(queries, rules, {
    modelsByTier: { simple: cheap, complex: strong },
    strongTier: 'complex',
    outputTokensByLabel: OUTPUT_TOKENS_BY_LABEL,
  });
  const splitNames = Object.keys(evaluation.splits);
  const pick = <T>(read: (name: string) => T): Record<string, T> =>
    Object.fromEntries(splitNames.map((name) => [name, read(name)]));

  return {
    benchmark: 'routing-accuracy',
    fixture: fixturePath,
    rules: options.rulesPath ?? 'DEFAULT_ROUTING_RULES',
    queries: queries.length,
    models: {
      simple: { id: cheap.id, pricesPerMillion: cheap.pricesPerMillion },
      complex: { id: strong.id, pricesPerMillion: strong.pricesPerMillion },
    },
    assumptions: {
      inputTokens: 'estimated from the messages (characters / 4), no prompt caching',
      outputTokensByLabel: OUTPUT_TOKENS_BY_LABEL,
    },
    accuracy: pick((name) => round(evaluation.splits[name]?.accuracy ?? 0, 4)),
    counts: pick((name) => ({ correct: evaluation.splits[name]?.correct, total: evaluation.splits[name]?.total })),
    confusion: pick((name) => evaluation.splits[name]?.confusion),
    cost: pick((name) => evaluation.splits[name]?.cost),
    qualityRisk: evaluation.qualityRisk,
    overspend: evaluation.overspend,
    latency: measureLatency(queries, rules),
  };
}

/** Prints the benchmark result as JSON. */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      fixture: { type: 'string' },
      rules: { type: 'string' },
      'cheap-model': { type: 'string' },
      'strong-model': { type: 'string' },
    },
  });
  const result = runRoutingAccuracy({
    fixturePath: values.fixture,
    rulesPath: values.rules,
    cheapModel: values['cheap-model'],
    strongModel: values['strong-model'],
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

function measureLatency(queries: readonly LabelledQuery[], rules: RoutingRules): Record<string, number> {
  const routeAll = (): void => {
    for (const query of queries) classifyRequest(extractRequestFeatures(query.messages), rules);
  };
  const serialiseAll = (): void => {
    for (const query of queries) JSON.stringify(query.messages);
  };
  // One warm-up pass each so both sides are measured with compiled code.
  routeAll();
  serialiseAll();
  const routeMs = time(routeAll);
  const serialiseMs = time(serialiseAll);
  const perQuery = (milliseconds: number): number => round((milliseconds * 1_000) / (TIMING_ROUNDS * queries.length), 3);
  return {
    routeMicrosPerQuery: perQuery(routeMs),
    jsonStringifyMicrosPerQuery: perQuery(serialiseMs),
    routeToJsonStringifyRatio: round(routeMs / serialiseMs, 2),
  };
}

function time(work: () => void): number {
  const start = performance.now();
  for (let round = 0; round < TIMING_ROUNDS; round += 1) work();
  return performance.now() - start;
}

function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The repo holds the fixture; this file runs from bench/ or dist/bench/, so look upwards. */
function findRepoFile(relativePath: string): string {
  for (let directory = dirname(fileURLToPath(import.meta.url)); ; directory = dirname(directory)) {
    const candidate = join(directory, relativePath);
    if (existsSync(candidate)) return candidate;
    if (dirname(directory) === directory) return resolve(relativePath);
  }
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  main();
}
