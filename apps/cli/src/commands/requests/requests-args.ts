import { parseArgs } from 'node:util';
import { normalizeApiUrl } from '../../http/ballast-api.js';
import { clientSettings } from '../../http/client-settings.js';

/** Arguments that cannot work; the CLI prints the message and exits with 1. */
export class RequestsUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestsUsageError';
  }
}

export const REQUESTS_USAGE = `ballast requests list [--status failed[,timed_out…]] [--since <ISO>] [--until <ISO>] [--route <r>] [--model <m>] [--user <u>] [--limit <n>] [--cursor <c>] [--json]
ballast replay <request id> [--route <route> | --model <model>] [--json]
ballast reset <request id> [--to last-good-step|first-step] [--reason <text>] [--json]

  requests list  the tenant's chat requests from Temporal visibility, newest first
  replay         re-run a request's original input as a new request (another route or model if given)
  reset          reset a failed or running request's workflow to its last good step (Temporal reset)

Every command takes --api <url> (BALLAST_API_URL) and --key <key> (BALLAST_API_KEY).
`;

/** Where the API is and which key to present. */
export interface RequestsConnection {
  readonly apiUrl: string;
  readonly apiKey: string;
}

export type RequestsCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'list'; readonly query: Readonly<Record<string, string>>; readonly json: boolean; readonly connection: RequestsConnection }
  | { readonly kind: 'replay'; readonly id: string; readonly body: { route?: string; model?: string }; readonly json: boolean; readonly connection: RequestsConnection }
  | { readonly kind: 'reset'; readonly id: string; readonly body: { to?: string; reason?: string }; readonly json: boolean; readonly connection: RequestsConnection };

const COMMON = { api: { type: 'string' }, key: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;
const LIST_FILTERS = ['status', 'since', 'until', 'route', 'model', 'user', 'limit', 'cursor'] as const;

/**
 * Parses `requests list …`, `replay <id> …` or `reset <id> …` (argv starts with the verb;
 * `requests replay|reset` work too). Values are checked by the API, which names what is wrong.
 */
export function parseRequestsArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): RequestsCommand {
  const [first, ...afterFirst] = argv;
  const [verb, rest] = first === 'requests' ? [afterFirst[0], afterFirst.slice(1)] : [first, afterFirst];
  if (verb === undefined || verb === '-h' || verb === '--help' || verb === 'help') return { kind: 'help' };
  switch (verb) {
    case 'list': {
      const { values, positionals } = parse(rest, Object.fromEntries(LIST_FILTERS.map((name) => [name, { type: 'string' }])) as Record<(typeof LIST_FILTERS)[number], { type: 'string' }>);
      if (values.help) return { kind: 'help' };
      if (positionals.length > 0) throw new RequestsUsageError(`unexpected argument '${positionals[0]}'`);
      const query = Object.fromEntries(LIST_FILTERS.flatMap((name) => (typeof values[name] === 'string' ? [[name, values[name]]] : [])));
      return { kind: 'list', query, json: values.json === true, connection: connection(values, env) };
    }
    case 'replay': {
      const { values, positionals } = parse(rest, { route: { type: 'string' }, model: { type: 'string' } });
      if (values.help) return { kind: 'help' };
      const id = requestId(positionals, 'replay');
      if (values.route !== undefined && values.model !== undefined) throw new RequestsUsageError('give --route or --model, not both');
      const body = { ...(values.route !== undefined ? { route: values.route } : {}), ...(values.model !== undefined ? { model: values.model } : {}) };
      return { kind: 'replay', id, body, json: values.json === true, connection: connection(values, env) };
    }
    case 'reset': {
      const { values, positionals } = parse(rest, { to: { type: 'string' }, reason: { type: 'string' } });
      if (values.help) return { kind: 'help' };
      const id = requestId(positionals, 'reset');
      const body = { ...(values.to !== undefined ? { to: values.to } : {}), ...(values.reason !== undefined ? { reason: values.reason } : {}) };
      return { kind: 'reset', id, body, json: values.json === true, connection: connection(values, env) };
    }
    default:
      throw new RequestsUsageError(`unknown subcommand '${verb}': use list, replay or reset`);
  }
}

function parse<Extra extends Record<string, { type: 'string' }>>(args: readonly string[], extra: Extra) {
  try {
    return parseArgs({ args: [...args], options: { ...COMMON, ...extra }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new RequestsUsageError(error instanceof Error ? error.message : String(error));
  }
}

function requestId(positionals: readonly string[], verb: string): string {
  if (positionals.length !== 1 || positionals[0] === undefined) throw new RequestsUsageError(`give exactly one request id: ballast ${verb} <request id>`);
  return positionals[0];
}

function connection(values: { api?: string | undefined; key?: string | undefined }, env: NodeJS.ProcessEnv): RequestsConnection {
  const settings = clientSettings(values, env);
  const apiUrl = normalizeApiUrl(settings.apiUrl);
  if (apiUrl === undefined) throw new RequestsUsageError(`--api must be an http(s) URL, not '${settings.apiUrl}'`);
  return { apiUrl, apiKey: settings.apiKey };
}
