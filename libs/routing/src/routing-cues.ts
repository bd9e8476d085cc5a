/**
 * Word lists the feature extractor counts. They describe language, not routing policy:
 * which counts send a request where is decided by the routing rules (config).
 */

/** Words and phrases that signal multi-step work: proofs, analysis, design, trade-offs. */
export const REASONING_CUES: readonly string[] = [
  'prove', 'proof', 'show that', 'derive', 'derivation', 'induction',
  'step by step', 'step-by-step', 'explain your reasoning', 'reasoning', 'justify',
  'analyze', 'analyse', 'analysis', 'root cause', 'diagnose', 'likely causes', 'failure modes', 'edge cases',
  'compare', 'comparison', 'versus', 'vs', 'trade-off', 'trade-offs', 'tradeoff', 'tradeoffs', 'pros and cons',
  'weigh', 'weighing', 'arguing', 'argue', 'critique', 'evaluate', 'assess',
  'why', 'optimize', 'optimise', 'optimization',
  'design', 'architecture', 'plan', 'strategy', 'roadmap', 'milestones', 'phases',
  'implement', 'refactor', 'debug', 'fix it', 'how would you', 'what would you',
];

/**
 * Requests to write software. Matched as "write/create/build/generate … <artifact>" with at
 * most three words between, so "write a haiku" is not a code request.
 */
export const CODE_ARTIFACTS: readonly string[] = [
  'function', 'functions', 'script', 'program', 'class', 'query', 'queries', 'regex', 'regular expression',
  'migration', 'migrations', 'test', 'tests', 'unit tests', 'component', 'endpoint', 'api', 'solution',
  'algorithm', 'code', 'sql', 'parser',
];

/** Words that signal mathematics beyond arithmetic. */
export const MATH_CUES: readonly string[] = [
  'theorem', 'lemma', 'corollary', 'equation', 'equations', 'integral', 'derivative', 'polynomial',
  'matrix', 'eigenvalue', 'eigenvalues', 'eigenvector', 'determinant', 'vector space',
  'prime', 'primes', 'integer', 'integers', 'irrational', 'rational', 'modulo', 'divisible',
  'probability', 'expected value', 'variance', 'distribution', 'logarithm', 'square root',
  'limit', 'series', 'converge', 'converges', 'calculus', 'solve', 'roots', 'o(n', 'complexity',
];
