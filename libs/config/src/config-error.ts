const MARKER = Symbol.for('ballast.config-error');

/** One wrong or missing configuration value, said so that an operator can fix it. */
export interface ConfigProblem {
  /** Dotted path of the field, e.g. `routes.simple.targets[0].provider`. */
  readonly path: string;
  readonly message: string;
  /** Where the value came from: `ballast.yaml`, an environment variable, or the defaults. */
  readonly source?: string;
}

/** Configuration is wrong; Ballast refuses to start and lists every problem. */
export class ConfigError extends Error {
  readonly [MARKER] = true;
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(
      `Ballast configuration is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((problem) => `  - ${problem.path}: ${problem.message}${problem.source ? ` (from ${problem.source})` : ''}`).join('\n'),
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }

  static isInstance(value: unknown): value is ConfigError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
