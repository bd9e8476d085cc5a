/**
 * Word lists the feature extractor counts. They describe language, not routing policy:
 * which counts send a request where is decided by the routing rules (config).
 */

/**
 * Phrases that on their own mean multi-step work (a proof, a design trade-off, writing or
 * fixing code). Each counts twice in `reasoningCues`, so one is enough for a 2-cue rule.
 */
export const STRONG_REASONING_CUES: readonly string[] = [
  'prove', 'proof', 'show that', 'derive', 'derivation', 'induction', 'step by step', 'step-by-step', 'explain your reasoning',
  'trade-off', 'trade-offs', 'tradeoff', 'tradeoffs', 'pros and cons', 'root cause', 'failure modes', 'edge cases',
  'implement', 'refactor', 'debug', 'optimize', 'optimise',
];

/** Words that often, but not always, mean reasoning ("why is the sky blue?"). Each counts once. */
export const REASONING_CUES: readonly string[] = [
  'reasoning', 'justify', 'argument', 'argue', 'arguing', 'critique', 'evaluate', 'assess',
  'analyze', 'analyse', 'analysis', 'diagnose', 'likely causes', 'compare', 'comparison', 'versus', 'vs',
  'weigh', 'weighing', 'why', 'optimization', 'design', 'architecture', 'plan', 'strategy', 'roadmap',
  'milestones', 'phases', 'fix it', 'how would you', 'what would you',
];

/** Verbs that, followed within three words by a code artifact, ask for code. */
export const CODE_REQUEST_VERBS: readonly string[] = ['write', 'create', 'build', 'generate', 'implement', 'give'];

/**
 * What a code request asks for. "write a Python function" is a request for code, a strong
 * reasoning cue; "write a haiku" is not.
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
  'limit', 'series', 'converge', 'converges', 'calculus', 'solve', 'roots', 'complexity',
];
