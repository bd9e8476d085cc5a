// Suite format and loading.
export {
  ASSERTION_TYPES,
  AssertionSchema,
  DEFAULT_THRESHOLDS,
  SuiteFileSchema,
  type Assertion,
  type AssertionOf,
  type AssertionType,
  type EvalCorpus,
  type EvalMessage,
  type EvalQuery,
  type EvalSuite,
  type EvalThresholds,
  type QueryFile,
  type SuiteFile,
} from './suite-schema.js';
export { loadSuite, parseSuite, type LoadSuiteOptions, type ParseSuiteOptions } from './load-suite.js';
export { formatSuiteIssue, SuiteLoadError, type SuiteIssue } from './suite-issues.js';
export { resolveQuery } from './resolve-query.js';

// Matching answers.
export { factTokens, normalizeText } from './normalize-text.js';
export { containsFact, matchFacts, type FactMatch } from './match-facts.js';
export { detectRefusal, isRefusal, type RefusalDetection } from './detect-refusal.js';

// Evaluating.
export { citationCount, type Observation, type RubricGrader, type RubricVerdict } from './observation.js';
export { type AssertionResult, type AssertionStatus } from './assertions/assertion-result.js';
export { checkAssertion } from './assertions/check-assertion.js';
export { evaluateQuery, type EvaluateQueryOptions } from './evaluate-query.js';
export { type QueryResult, type QueryStatus } from './query-result.js';

// Aggregating and gating.
export { summarize, type EvalSummary, type QueryFailure, type TagSummary } from './summarize.js';
export { compareToBaseline, type BaselineComparison, type BaselineSummary, type MetricChange, type QueryRegression } from './compare-baseline.js';
export { readBaseline } from './read-baseline.js';

// Reports.
export { type ReportContext } from './reports/report-context.js';
export { JSON_REPORT_VERSION, toJsonReport } from './reports/json-report.js';
export { toMarkdownReport } from './reports/markdown-report.js';
export { escapeHtml, toHtmlReport } from './reports/html-report.js';
export { toConsoleTable, type ConsoleTableOptions } from './reports/console-table.js';

// Runs (evalWorkflow, its activities, the API).
export { evalQueryWorkflowId, evalWorkflowId, type EvalDriftPolicy, type EvalRunOutcome, type EvalRunTrigger, type EvalWorkflowInput, type RunEvalQueryInput } from './eval-run.js';
