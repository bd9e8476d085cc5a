/**
 * Runs the simulator standalone: `SIMULATOR_PORT` (default 4010), `SIMULATOR_HOST` (default
 * 127.0.0.1), `SIMULATOR_SEED`. Prints the URL; stops cleanly on SIGINT or SIGTERM.
 *
 * Reads process.env directly rather than through libs/config: the simulator is a stand-in for an
 * external service and must start without the gateway's configuration.
 */
import { startSimulator } from './simulator.js';

function readInteger(name: string, fallback: number | undefined): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

const simulator = await startSimulator({
  port: readInteger('SIMULATOR_PORT', 4010),
  host: process.env.SIMULATOR_HOST || '127.0.0.1',
  seed: readInteger('SIMULATOR_SEED', undefined),
});
console.log(`Ballast simulator listening on ${simulator.url} (OpenAI: ${simulator.url}/v1, Anthropic: ${simulator.url})`);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`Ballast simulator stopping (${signal})`);
  await simulator.close();
  process.exit(0);
}
process.once('SIGINT', (signal) => void stop(signal));
process.once('SIGTERM', (signal) => void stop(signal));
