import { parseArgs } from 'node:util';
import { normalizeApiUrl } from '../../http/ballast-api.js';
import { clientSettings, DEFAULT_API_URL } from '../../http/client-settings.js';
import { BATCH_USAGE, CANCEL_USAGE, LIST_USAGE, RESULTS_USAGE, STATUS_USAGE, SUBMIT_USAGE } from './batch-usage.js';

export const BATCH_MODES = ['provider', 'queued'] as const;
const MIN_WINDOW_HOURS = 1;
const MAX_WINDOW_HOURS = 7 * 24;

/** Arguments that cannot work; the CLI prints the message and exits with 1. */
export class BatchUsageError extends Error {
  constructor(
    message: string,
    /** The subcommand whose help the message points to. */
    readonly subcommand?: string,
  ) {
    super(message);
    this.name = 'BatchUsageError';
  }
}

/** Where the API is and which key to present. */
export interface BatchConnection {
  readonly apiUrl: string;
  readonly apiKey: string;
}

export type BatchCommand =
  | { readonly kind: 'help'; readonly text: string }
  | {
      readonly kind: 'submit';
      readonly file: string;
      readonly mode: string | undefined;
      readonly completionWindow: string | undefined;
      readonly webhookUrl: string | undefined;
      readonly metadata: Readonly<Record<string, string>>;
      readonly wait: boolean;
      readonly json: boolean;
      readonly connection: BatchConnection;
    }
  | { readonly kind: 'status'; readonly id: string; readonly wait: boolean; readonly json: boolean; readonly connection: BatchConnection }
  | { readonly kind: 'results'; readonly id: string; readonly output: string | undefined; readonly connection: BatchConnection }
  | { readonly kind: 'cancel'; readonly id: string; readonly json: boolean; readonly connection: BatchConnection }
  | { readonly kind: 'list'; readonly limit: number | undefined; readonly json: boolean; readonly connection: BatchConnection };

const USAGES: Readonly<Record<string, string>> = { submit: SUBMIT_USAGE, status: STATUS_USAGE, results: RESULTS_USAGE, cancel: CANCEL_USAGE, list: LIST_USAGE };

const CONNECTION_OPTIONS = { api: { type: 'string' }, key: { type: 'string' }, help: { type: 'boolean', short: 'h' } } as const;

/** Parses `ballast batch …` arguments (after `batch`). */
export function parseBatchArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): BatchCommand {
  const [subcommand, ...rest] = argv;
  if (subcommand === undefined) throw new BatchUsageError('give a subcommand: submit, status, results, cancel or list');
  if (subcommand === '-h' || subcommand === '--help') return { kind: 'help', text: BATCH_USAGE };
  if (subcommand === 'help') {
    const topic = rest[0];
    return { kind: 'help', text: topic === undefined ? BATCH_USAGE : (USAGES[topic] ?? BATCH_USAGE) };
  }
  switch (subcommand) {
    case 'submit': {
      const { values, positionals } = parse(subcommand, rest, {
        mode: { type: 'string' },
        'completion-window': { type: 'string' },
        'webhook-url': { type: 'string' },
        metadata: { type: 'string', multiple: true },
        wait: { type: 'boolean' },
        json: { type: 'boolean' },
      });
      if (values.help) return { kind: 'help', text: SUBMIT_USAGE };
      const file = onePositional(subcommand, positionals, 'the JSONL file to submit');
      return {
        kind: 'submit',
        file,
        mode: parseMode(values.mode),
        completionWindow: parseCompletionWindow(values['completion-window']),
        webhookUrl: parseWebhookUrl(values['webhook-url']),
        metadata: parseMetadata(values.metadata ?? []),
        wait: values.wait ?? false,
        json: values.json ?? false,
        connection: connection(subcommand, values, env),
      };
    }
    case 'status': {
      const { values, positionals } = parse(subcommand, rest, { wait: { type: 'boolean' }, json: { type: 'boolean' } });
      if (values.help) return { kind: 'help', text: STATUS_USAGE };
      const id = onePositional(subcommand, positionals, 'the batch id');
      return { kind: 'status', id, wait: values.wait ?? false, json: values.json ?? false, connection: connection(subcommand, values, env) };
    }
    case 'results': {
      const { values, positionals } = parse(subcommand, rest, { output: { type: 'string', short: 'o' } });
      if (values.help) return { kind: 'help', text: RESULTS_USAGE };
      const id = onePositional(subcommand, positionals, 'the batch id');
      if (values.output !== undefined && !values.output.trim()) throw new BatchUsageError('--output needs a file name', subcommand);
      return { kind: 'results', id, output: values.output, connection: connection(subcommand, values, env) };
    }
    case 'cancel': {
      const { values, positionals } = parse(subcommand, rest, { json: { type: 'boolean' } });
      if (values.help) return { kind: 'help', text: CANCEL_USAGE };
      const id = onePositional(subcommand, positionals, 'the batch id');
      return { kind: 'cancel', id, json: values.json ?? false, connection: connection(subcommand, values, env) };
    }
    case 'list': {
      const { values, positionals } = parse(subcommand, rest, { limit: { type: 'string' }, json: { type: 'boolean' } });
      if (values.help) return { kind: 'help', text: LIST_USAGE };
      if (positionals.length > 0) throw new BatchUsageError(`unexpected argument '${positionals[0]}'`, subcommand);
      return { kind: 'list', limit: parseLimit(values.limit), json: values.json ?? false, connection: connection(subcommand, values, env) };
    }
    default:
      throw new BatchUsageError(`unknown subcommand '${subcommand}': use submit, status, results, cancel or list`);
  }
}

type OptionSpecs = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

function parse<T extends OptionSpecs>(subcommand: string, args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { ...CONNECTION_OPTIONS, ...options } });
  } catch (error) {
    // parseArgs explains unknown options and missing values itself.
    const message = (error as { message?: unknown }).message;
    throw new BatchUsageError(typeof message === 'string' ? message : String(error), subcommand);
  }
}

function onePositional(subcommand: string, positionals: readonly string[], what: string): string {
  const [first, extra] = positionals;
  if (first === undefined || !first.trim()) throw new BatchUsageError(`give ${what}`, subcommand);
  if (extra !== undefined) throw new BatchUsageError(`unexpected argument '${extra}': give one ${what.replace(/^the /, '')}`, subcommand);
  return first.trim();
}

function connection(subcommand: string, values: { api?: string | undefined; key?: string | undefined }, env: NodeJS.ProcessEnv): BatchConnection {
  const settings = clientSettings({ api: values.api, key: values.key }, env);
  const apiUrl = normalizeApiUrl(settings.apiUrl);
  if (!apiUrl) throw new BatchUsageError(`--api must be an http(s) URL such as ${DEFAULT_API_URL}, not '${settings.apiUrl}'`, subcommand);
  return { apiUrl, apiKey: settings.apiKey };
}

export function parseMode(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const mode = raw.trim().toLowerCase();
  if (!(BATCH_MODES as readonly string[]).includes(mode)) throw new BatchUsageError(`--mode must be ${BATCH_MODES.join(' or ')}, not '${raw}'`, 'submit');
  return mode;
}

/** `1h`..`7d` in whole hours or days, e.g. `24h`, `2d`. */
export function parseCompletionWindow(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const window = raw.trim().toLowerCase();
  const match = /^(\d+)([hd])$/.exec(window);
  const hours = match ? Number(match[1]) * (match[2] === 'd' ? 24 : 1) : Number.NaN;
  if (!(hours >= MIN_WINDOW_HOURS && hours <= MAX_WINDOW_HOURS)) {
    throw new BatchUsageError(`--completion-window must be hours or days from 1h to 7d (e.g. 24h, 2d), not '${raw}'`, 'submit');
  }
  return window;
}

export function parseWebhookUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw new BatchUsageError(`--webhook-url must be an http(s) URL, not '${raw}'`, 'submit');
  return raw.trim();
}

/** `key=value` entries (the value may contain `=`); a key given twice keeps its last value. */
export function parseMetadata(entries: readonly string[]): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const entry of entries) {
    const split = entry.indexOf('=');
    const key = split > 0 ? entry.slice(0, split).trim() : '';
    if (!key) throw new BatchUsageError(`--metadata takes key=value, not '${entry}'`, 'submit');
    metadata[key] = entry.slice(split + 1);
  }
  return metadata;
}

export function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const trimmed = raw.trim();
  const limit = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!(limit >= 1)) throw new BatchUsageError(`--limit must be a whole number from 1, not '${raw}'`, 'list');
  return limit;
}
