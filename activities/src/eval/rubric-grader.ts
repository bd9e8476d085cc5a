import type { EvalConfig } from '#libs/config';
import type { RubricGrader } from '#libs/eval';
import { computeCostUsd, type ModelCatalog } from '#libs/models';
import type { RouteTable } from '#libs/routes';
import type { ModelRegistry } from '../chat/model-registry.js';
import { buildRubricPrompt, parseRubricVerdict } from './rubric-prompt.js';

export interface RubricGraderDependencies {
  readonly routes: Pick<RouteTable, 'plan'>;
  readonly models: Pick<ModelRegistry, 'get'>;
  readonly catalog: ModelCatalog;
}

/** Room for `{"pass": …, "reason": "…"}`. */
const MAX_OUTPUT_TOKENS = 200;

/**
 * A grader that asks the configured judge (the first target of its model or route) through the
 * provider clients, at temperature 0, and prices the call from the catalog. A failed call or an
 * unusable reply throws: `evaluateQuery` then reports the rubric as skipped, never as passed.
 */
export function createRubricGrader(dependencies: RubricGraderDependencies, judge: NonNullable<EvalConfig['judge']>, options: { idempotencyKey: string; abortSignal?: AbortSignal }): RubricGrader {
  let calls = 0;
  return async (rubric, question, answer) => {
    const target = dependencies.routes.plan({ model: judge.model, messages: [] }).targets[0];
    if (target === undefined) throw new Error(`judge '${judge.model}' has no target`);
    const model = dependencies.models.get(target.provider, target.model);
    const generated = await model.generate({
      messages: buildRubricPrompt(rubric, question, answer),
      settings: { temperature: 0, maxOutputTokens: MAX_OUTPUT_TOKENS },
      idempotencyKey: `${options.idempotencyKey}:${calls++}`,
      timeoutMs: judge.timeoutMs,
      ...(options.abortSignal ? { abortSignal: options.abortSignal } : {}),
    });
    const entry = dependencies.catalog.find(target.model);
    const costUsd = entry ? computeCostUsd(entry, generated.usage).costUsd : 0;
    const verdict = parseRubricVerdict(generated.content);
    return { pass: verdict.pass, reason: verdict.reason === '' ? `judged by ${target.model}` : verdict.reason, costUsd };
  };
}
