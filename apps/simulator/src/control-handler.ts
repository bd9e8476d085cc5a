import type { Exchange } from './exchange.js';
import { readJsonBody, RequestBodyError } from './request-body.js';
import { InvalidScenarioError, parseScenario } from './scenario.js';
import type { SimulatorState } from './simulator-state.js';

/** Path prefix of the control API, outside any provider's namespace. */
export const CONTROL_PREFIX = '/_sim/';

const SCENARIO_PATH = /^\/_sim\/scenarios\/(.+)$/;

function sendControlError(exchange: Exchange, status: number, message: string): void {
  exchange.sendJson(status, { error: { message } });
}

/**
 * The control API for tests in other processes: `PUT /_sim/scenarios/:model` (model id URL-encoded,
 * `*` for the default), `DELETE /_sim/scenarios`, `GET|DELETE /_sim/stats`, `GET /_sim/health`.
 */
export async function handleControl(state: SimulatorState, exchange: Exchange, method: string, path: string): Promise<void> {
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
    case 'GET /_sim/health':
      exchange.sendJson(200, { status: 'ok', simulated: true });
      return;
    default:
      sendControlError(exchange, 404, `No control endpoint ${route}.`);
  }
}
