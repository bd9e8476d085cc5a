import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { loadSuite, readBaseline, SuiteLoadError, toConsoleTable, type BaselineComparison, type EvalCorpus, type EvalSummary, type QueryResult } from '#libs/eval';
import { ApiError, BallastApi } from '../../http/ballast-api.js';
import { ingestPaths } from '../ingest.js';
import { EVAL_USAGE, EvalUsageError, parseEvalArgs, type EvalOptions } from './eval-args.js';
import { startEvalStack } from './eval-stack.js';
import { writeReports } from './write-reports.js';

/** Where the command writes; tests pass their own. */
export interface EvalIo {
  readonly stdout: { write(text: string): unknown; columns?: number };
  readonly stderr: { write(text: string): unknown };
  readonly env?: NodeJS.ProcessEnv;
  readonly pollIntervalMs?: number;
}

/** 0 gate passed, 1 gate failed, 2 bad arguments, suite or baseline, 3 the run failed. */
export type EvalExitCode = 0 | 1 | 2 | 3;

/** What `GET /v1/evals/:id` answers, the parts read here. */
interface WireEvalRun {
  id: string;
  status: 'running' | 'completed' | 'failed';
  error: string | null;
  temporal_ui_url: string;
  report: { summary: EvalSummary; results: QueryResult[]; gate: BaselineComparison } | null;
  report_markdown: string | null;
  report_html: string | null;
}

/** `ballast eval …`: `argv` is what follows `eval`. */
export async function runEvalCommand(argv: readonly string[], io: EvalIo): Promise<EvalExitCode> {
  let options: EvalOptions;
  let suiteText: string;
  let baseline: unknown;
  try {
    const parsed = parseEvalArgs(argv, io.env ?? process.env);
    if (parsed === 'help') {
      io.stdout.write(EVAL_USAGE);
      return 0;
    }
    options = parsed;
    suiteText = await readFile(options.suitePath, 'utf8');
    // Checked here first: a bad suite is reported without starting anything.
    loadSuite(suiteText, { path: options.suitePath });
    if (options.baselinePath !== undefined) {
      const text = await readFile(options.baselinePath, 'utf8');
      readBaseline(text);
      baseline = JSON.parse(text);
    }
  } catch (error) {
    if (error instanceof EvalUsageError) io.stderr.write(`ballast eval: ${error.message}\nRun 'ballast eval --help' for usage.\n`);
    else if (error instanceof SuiteLoadError || (error instanceof Error && error.message.startsWith('Invalid eval baseline'))) io.stderr.write(`${error.message}\n`);
    else throw error;
    return 2;
  }
  const suite = loadSuite(suiteText, { path: options.suitePath });
  const log = (line: string) => io.stdout.write(`${line}\n`);

  const embedded = options.api === undefined ? await startEvalStack((line) => io.stderr.write(`${line}\n`)) : undefined;
  try {
    const apiUrl = options.api?.url ?? embedded!.stack.apiUrl;
    const apiKey = options.api?.key ?? embedded!.apiKey;
    const api = new BallastApi(apiUrl, apiKey, fetch);
    if (suite.corpus !== undefined) await ingestCorpus(suite.corpus, options.suitePath, apiUrl, apiKey, log);

    const startedAt = Date.now();
    log(`Running suite '${suite.suite}': ${suite.queries.length} queries${options.baselinePath ? `, baseline ${options.baselinePath}` : ', no baseline'} …`);
    const created = (await api.send('POST', '/v1/evals', {
      contentType: 'application/json',
      text: JSON.stringify({ suite_yaml: suiteText, ...(baseline === undefined ? {} : { baseline }), ...(options.model ? { model: options.model } : {}), ...(options.thresholds ? { thresholds: options.thresholds } : {}) }),
    })) as WireEvalRun;
    log(`  eval run ${created.id}: ${created.temporal_ui_url}`);
    const run = await waitForRun(api, created.id, io.pollIntervalMs ?? 1_000);
    if (run.status !== 'completed' || run.report === null) {
      io.stderr.write(`The eval run ${run.id} failed: ${run.error ?? 'no report'}\n`);
      return 3;
    }
    const { summary, results, gate } = run.report;
    io.stdout.write(toConsoleTable(summary, results, { comparison: gate, width: io.stdout.columns ?? 120 }));
    const reportJson = `${JSON.stringify(run.report, null, 2)}\n`;
    const files = await writeReports(options.outDirectory, suite.suite, { json: reportJson, markdown: run.report_markdown ?? '', html: run.report_html ?? '' });
    log(`Reports: ${files.join(', ')}`);
    log(`Eval time: ${((Date.now() - startedAt) / 1000).toFixed(1)} s for ${suite.queries.length} queries`);
    if (options.updateBaseline) {
      await writeFile(options.baselineTarget, reportJson);
      log(`Baseline updated: ${options.baselineTarget}`);
    }
    return gate.gate === 'pass' ? 0 : 1;
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const issues = (error.problem?.['issues'] as Array<{ path: string; line?: number; message: string }> | undefined) ?? [];
    io.stderr.write(`The API refused the eval run (${error.status ?? 'no answer'}): ${error.message}\n${issues.map((issue) => `  ${issue.path}: ${issue.message}\n`).join('')}`);
    return error.status !== undefined && error.status < 500 ? 2 : 3;
  } finally {
    if (embedded !== undefined) await embedded.stack.stop();
  }
}

/** Uploads the suite's corpus (only what changed, when the collection has it already) and waits until it is embedded. */
async function ingestCorpus(corpus: EvalCorpus, suitePath: string, apiUrl: string, apiKey: string, log: (line: string) => void): Promise<void> {
  // Corpus paths are relative to the working directory, or else to the suite file.
  const paths = corpus.paths.map((path) => (existsSync(path) ? path : resolve(dirname(suitePath), path)));
  log(`Ingesting the suite's corpus (${paths.join(', ')}) into collection '${corpus.collection}' …`);
  const quiet = { write: () => true, isTTY: false };
  const report = await ingestPaths({ paths, collection: corpus.collection, create: true, apiUrl, apiKey, wait: true }, { fetch, output: quiet, errors: quiet });
  const failed = report.files.filter((file) => file.status === 'failed');
  if (report.exitCode !== 0 || failed.length > 0) throw new Error(`ingesting the corpus failed: ${failed.map((file) => file.path).join(', ') || `exit code ${report.exitCode}`}`);
  log(`  ${report.files.length} documents ready`);
}

async function waitForRun(api: BallastApi, id: string, pollIntervalMs: number): Promise<WireEvalRun> {
  for (;;) {
    const run = (await api.send('GET', `/v1/evals/${id}`)) as WireEvalRun;
    if (run.status !== 'running') return run;
    await new Promise((resolveWait) => setTimeout(resolveWait, pollIntervalMs));
  }
}
