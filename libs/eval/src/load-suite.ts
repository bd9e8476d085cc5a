import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { resolveQuery } from './resolve-query.js';
import { formatPath, suiteErrorMap, SuiteLoadError, type SuiteIssue } from './suite-issues.js';
import { SuiteFileSchema, type EvalSuite } from './suite-schema.js';

export interface LoadSuiteOptions {
  /** The file the text came from: named in errors and kept on the suite. */
  path?: string;
}

/**
 * Parses and validates a golden-query suite (YAML), applies the defaults to every query.
 * Throws `SuiteLoadError` listing every problem with its path and line
 * (`demo.yaml:48: queries[3].assert[1].threshold: must be a number`).
 */
export function loadSuite(yamlText: string, options: LoadSuiteOptions = {}): EvalSuite {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const issues = document.errors.map((error) => ({
      path: '(yaml)',
      ...(error.linePos === undefined ? {} : { line: error.linePos[0].line }),
      message: (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, ''),
    }));
    throw new SuiteLoadError(issues, options.path);
  }
  const locate = (path: readonly PropertyKey[]): number | undefined => {
    const offset = nodeAt(document, path)?.range?.[0];
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
  return parseSuite(document.toJS(), { ...options, locate });
}

export interface ParseSuiteOptions extends LoadSuiteOptions {
  /** The line of a path in the source text, for messages. */
  locate?: (path: readonly PropertyKey[]) => number | undefined;
}

/** `loadSuite` for an already parsed value (JSON, a test fixture). */
export function parseSuite(data: unknown, options: ParseSuiteOptions = {}): EvalSuite {
  const issue = (path: readonly PropertyKey[], message: string): SuiteIssue => {
    const line = options.locate?.(path);
    return { path: formatPath(path), ...(line === undefined ? {} : { line }), message };
  };
  const parsed = SuiteFileSchema.safeParse(data, { error: suiteErrorMap });
  if (!parsed.success) {
    const issues = parsed.error.issues.flatMap((zodIssue) =>
      zodIssue.code === 'unrecognized_keys'
        ? zodIssue.keys.map((key) => issue([...zodIssue.path, key], `unknown key; ${zodIssue.message}`))
        : [issue(zodIssue.path, zodIssue.message)],
    );
    throw new SuiteLoadError(issues, options.path);
  }
  const file = parsed.data;
  const firstIndex = new Map<string, number>();
  const problems: SuiteIssue[] = [];
  file.queries.forEach((query, index) => {
    const first = firstIndex.get(query.id);
    if (first === undefined) firstIndex.set(query.id, index);
    else problems.push(issue(['queries', index, 'id'], `duplicate id "${query.id}" (first used by queries[${first}])`));
  });
  const queries = file.queries.map((query) => resolveQuery(query, file.defaults));
  queries.forEach((query, index) => {
    if (query.assert.length === 0) problems.push(issue(['queries', index], 'has no assertions (give it `assert:` or the suite `defaults.assert:`)'));
  });
  if (problems.length > 0) throw new SuiteLoadError(problems, options.path);
  return {
    suite: file.suite,
    ...(file.description === undefined ? {} : { description: file.description }),
    ...(options.path === undefined ? {} : { path: options.path }),
    ...(file.corpus === undefined ? {} : { corpus: file.corpus }),
    thresholds: file.thresholds,
    defaults: file.defaults,
    queries,
  };
}

/** The deepest YAML node along `path` (the key node for a key the mapping has no value for, e.g. an unknown key). */
function nodeAt(document: Document, path: readonly PropertyKey[]): Node | undefined {
  let node: unknown = document.contents;
  let found = node as Node | undefined;
  for (const [depth, segment] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      if (pair === undefined) break;
      // A key whose value is a block collection: its line is the key's.
      const last = depth === path.length - 1;
      found = (last && !isScalar(pair.value) ? pair.key : (pair.value ?? pair.key)) as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) break;
      found = item as Node;
      node = item;
    } else break;
  }
  return found;
}
