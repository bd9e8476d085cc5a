import { z } from 'zod';
import { ANTHROPIC_BATCH_FAILURE, renderAnthropicBatch } from './anthropic-batches-handler.js';
import type { Exchange } from './exchange.js';
import { renderOpenAiBatch } from './openai-batches-handler.js';
import { readJsonBody, RequestBodyError } from './request-body.js';
import { InvalidScenarioError, parseScenario } from './scenario.js';
import type { SimulatorState } from './simulator-state.js';

/** Path prefix of the control API, outside any provider's namespace. */
export const CONTROL_PREFIX = '/_sim/';

const SCENARIO_PATH = /^\/_sim\/scenarios\/(.+)$/;
const FINISH_BATCH_PATH = /^\/_sim\/batches\/([^/]+)\/finish$/;

const finishSchema = z.strictObject({ outcome: z.enum(['completed', 'failed', 'expired']).default('completed') });

function sendControlError(exchange: Exchange, status: number, message: string): void {
  exchange.sendJson(status, { error: { message } });
}

/**
 * `POST /_sim/batches/:id/finish` with `{"outcome": "completed" | "failed" | "expired"}`: ends a
 * running batch of either provider now. `completed` runs every line; `expired` keeps the lines
 * that ran so far and expires the rest; `failed` fails an OpenAI batch (no line runs) and makes
 * every line of an Anthropic batch end `errored`.
 */
async function finishBatch(state: SimulatorState, exchange: Exchange, batchId: string): Promise<void> {
  const parsed = finishSchema.safeParse(await readJsonBody(exchange.request));
  if (!parsed.success) {
    sendControlError(exchange, 400, `Invalid finish request: ${z.prettifyError(parsed.error)}`);
    return;
  }
  const { outcome } = parsed.data;
  const now = state.now();
  const openAi = state.batches.openAi.get(batchId);
  const anthropic = state.batches.anthropic.get(batchId);
  const target = openAi
    ? { run: openAi.run, render: () => renderOpenAiBatch(state, openAi) }
    : anthropic
      ? { run: anthropic.run, render: () => renderAnthropicBatch(state, exchange, anthropic) }
      : undefined;
  if (!target) {
    sendControlError(exchange, 404, `No batch ${batchId}.`);
    return;
  }
  const { run } = target;
  if (run.view(now).terminal) {
    sendControlError(exchange, 409, `Batch ${batchId} has already ended.`);
    return;
  }
  if (anthropic && outcome === 'failed') {
    run.failAllLines(ANTHROPIC_BATCH_FAILURE);
    run.finish(now, 'completed');
  } else {
    run.finish(now, outcome);
  }
  exchange.sendJson(200, target.render());
}

/**
 * The control API for tests in other processes: `PUT /_sim/scenarios/:model` (model id URL-encoded,
 * `*` for the default), `DELETE /_sim/scenarios`, `GET|DELETE /_sim/stats`, `GET /_sim/health`,
 * `GET|DELETE /_sim/batches` (every provider batch as its provider shows it / forget batches and
 * files) and `POST /_sim/batches/:id/finish`.
 */
export async function handleControl(state: SimulatorState, exchange: Exchange, method: string, path: string): Promise<void> {
  const finishMatch = FINISH_BATCH_PATH.exec(path);
  if (finishMatch && method === 'POST') {
    try {
      await finishBatch(state, exchange, decodeURIComponent(finishMatch[1] ?? ''));
    } catch (error) {
      if (!(error instanceof RequestBodyError)) throw error;
      sendControlError(exchange, error.status, error.message);
    }
    return;
  }
  const scenarioMatch = SCENARIO_PATH.exec(path);
  if (scenarioMatch && method === 'PUT') {
    const model = decodeURIComponent(scenarioMatch[1] ?? '');
    try {
      state.scenarios.set(model, parseScenario(await readJsonBody(exchange.request)));
      exchange.sendJson(200, { model, scenario: state.scenarios.resolve(model).scenario });
    } catch (error) {
      if (error instanceof InvalidScenarioError || error instanceof RequestBodyError) {
        sendControlError(exchange, error instanceof RequestBodyError ? error.status : 400, error.message);
        return;
      }
      throw error;
    }
    return;
  }
  const route = `${method} ${path}`;
  switch (route) {
    case 'DELETE /_sim/scenarios':
      state.scenarios.reset();
      exchange.sendEmpty();
      return;
    case 'GET /_sim/stats':
      exchange.sendJson(200, state.stats.snapshot());
      return;
    case 'DELETE /_sim/stats':
      state.stats.reset();
      exchange.sendEmpty();
      return;
    case 'GET /_sim/batches':
      exchange.sendJson(200, {
        openai: [...state.batches.openAi.values()].map((record) => renderOpenAiBatch(state, record)),
        anthropic: [...state.batches.anthropic.values()].map((record) => renderAnthropicBatch(state, exchange, record)),
      });
      return;
    case 'DELETE /_sim/batches':
      state.batches.reset();
      exchange.sendEmpty();
      return;
    case 'GET /_sim/health':
      exchange.sendJson(200, { status: 'ok', simulated: true });
      return;
    default:
      sendControlError(exchange, 404, `No control endpoint ${route}.`);
  }
}
