import { type z } from 'zod';

/** One problem of a suite file: where (`queries[3].assert[1].threshold`, line) and what. */
export interface SuiteIssue {
  /** `queries[3].assert[1].threshold`; `(root)` for the file as a whole. */
  path: string;
  /** 1-based line in the YAML text, when known. */
  line?: number;
  message: string;
}

/** Thrown by `loadSuite`: every issue found, one per line in `message`. */
export class SuiteLoadError extends Error {
  override readonly name = 'SuiteLoadError';

  constructor(
    readonly issues: readonly SuiteIssue[],
    readonly file?: string,
  ) {
    super(`Invalid eval suite${file === undefined ? '' : ` ${file}`}:\n${issues.map((issue) => `  ${formatSuiteIssue(issue, file)}`).join('\n')}`);
  }
}

/** `demo.yaml:48: queries[3].assert[1].threshold: must be a number`. */
export function formatSuiteIssue(issue: SuiteIssue, file?: string): string {
  const where = issue.line === undefined ? '' : file === undefined ? `line ${issue.line}: ` : `${file}:${issue.line}: `;
  return `${where}${issue.path}: ${issue.message}`;
}

/** `['queries', 3, 'assert', 1]` → `queries[3].assert[1]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? String(segment) : `.${String(segment)}`;
  }
  return text === '' ? '(root)' : text;
}

const EXPECTED: Readonly<Record<string, string>> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

/** Zod messages as a suite author reads them: `must be a number`, `is required`. */
export const suiteErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'is required';
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}`;
    case 'too_small':
      if (issue.origin === 'number') return `must be ${issue.inclusive === false ? 'greater than' : 'at least'} ${String(issue.minimum)}`;
      if (issue.origin === 'array') return `must have at least ${String(issue.minimum)} item(s)`;
      return `must have at least ${String(issue.minimum)} character(s)`;
    case 'too_big':
      if (issue.origin === 'number') return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}`;
      return `must have at most ${String(issue.maximum)} item(s)`;
    case 'invalid_value':
      return `must be one of: ${issue.values.map((value) => String(value)).join(', ')}`;
    default:
      return undefined;
  }
};
