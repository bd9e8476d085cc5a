import { type Assertion, type AssertionType, type EvalQuery, type QueryFile, type SuiteFile } from './suite-schema.js';

/**
 * Assertion types a query states at most once in effect: a query's own `latency`, `cost`,
 * `groundedness`, `citations` or `refusal` replaces the suite default of that type (so a slow
 * multi-document query can raise its latency bound, a refusal query can say `citations` `min: 0`).
 * Fact, regex and rubric defaults are always appended.
 */
const OVERRIDABLE: ReadonlySet<AssertionType> = new Set(['latency', 'cost', 'groundedness', 'citations', 'refusal']);

/** A query of the suite file with the suite defaults applied. */
export function resolveQuery(query: QueryFile, defaults: SuiteFile['defaults']): EvalQuery {
  const messages = query.messages ?? [{ role: 'user' as const, content: query.question ?? '' }];
  const question = [...messages].reverse().find((message) => message.role === 'user')?.content ?? '';
  const own = new Set(query.assert.map((assertion) => assertion.type));
  const inherited = defaults.assert.filter((assertion) => !(OVERRIDABLE.has(assertion.type) && own.has(assertion.type)));
  const model = query.model ?? defaults.model;
  const collections = query.collections ?? defaults.collections;
  const assert: Assertion[] = [...query.assert, ...inherited];
  return {
    id: query.id,
    tags: query.tags,
    question,
    messages,
    ...(model === undefined ? {} : { model }),
    ...(collections === undefined ? {} : { collections: [...collections] }),
    assert,
  };
}
