import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatSuiteIssue, loadSuite, parseSuite, readBaseline, SuiteLoadError, type BaselineSummary, type EvalSuite } from '#libs/eval';
import { problem, ProblemError } from '../problems/problem-error.js';

/** Where a request's suite comes from: exactly one of the three. */
export type SuiteSource = { readonly json: Record<string, unknown> } | { readonly yaml: string } | { readonly path: string };

/**
 * The suite a request names, validated. A bad suite is a 400 problem listing every issue with
 * its path and line (`queries[3].assert[1].threshold: must be a number`); a path the server does
 * not list in `eval.suitePaths` is a 404, so the endpoint reads no other file.
 */
export async function resolveSuite(source: SuiteSource, allowedPaths: readonly string[]): Promise<EvalSuite> {
  try {
    if ('json' in source) return parseSuite(source.json);
    if ('yaml' in source) return loadSuite(source.yaml);
    const wanted = resolve(source.path);
    const known = allowedPaths.find((path) => resolve(path) === wanted);
    if (known === undefined) {
      throw new ProblemError(problem('suite-not-found', 404, 'Suite Not Found', `'${source.path}' is not a suite this server offers; known suites: ${allowedPaths.join(', ') || 'none'} (eval.suitePaths).`));
    }
    return loadSuite(await readFile(wanted, 'utf8'), { path: known });
  } catch (error) {
    if (error instanceof SuiteLoadError) {
      const issues = error.issues.map((issue) => ({ path: issue.path, ...(issue.line === undefined ? {} : { line: issue.line }), message: issue.message }));
      const detail = `The suite has ${issues.length} problem(s): ${error.issues.slice(0, 5).map((issue) => formatSuiteIssue(issue, error.file)).join('; ')}${issues.length > 5 ? '; …' : ''}`;
      throw new ProblemError(problem('invalid-suite', 400, 'Invalid Eval Suite', detail, { issues }));
    }
    throw error;
  }
}

/** A previous run's JSON report (or its summary) as the baseline; a 400 problem saying what is wrong otherwise. */
export function resolveBaseline(baseline: Record<string, unknown> | undefined): BaselineSummary | undefined {
  if (baseline === undefined) return undefined;
  try {
    return readBaseline(JSON.stringify(baseline));
  } catch (error) {
    throw new ProblemError(problem('invalid-baseline', 400, 'Invalid Baseline', (error as Error).message));
  }
}
