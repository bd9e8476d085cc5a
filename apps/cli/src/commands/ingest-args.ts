import { parseArgs } from 'node:util';
import { API_KEY_VARIABLE, API_URL_VARIABLE, clientSettings, DEFAULT_API_URL } from '../http/client-settings.js';
import { normalizeApiUrl } from '../http/ballast-api.js';
import { SUPPORTED_EXTENSIONS } from './ingest-files.js';

export const DEFAULT_CONCURRENCY = 4;
const MAX_CONCURRENCY = 64;

export const INGEST_USAGE = `ballast ingest <path…> --collection <name> [options]

Uploads documents (${SUPPORTED_EXTENSIONS.join(' ')}) from files and directories into a
collection, then waits until every one is embedded. Directories are walked recursively
(hidden entries and node_modules are left out); other files are skipped with a note.
Each document's source_name is its path relative to the directory given (a file given
directly: its name), so running the command again replaces changed files and reports
unchanged ones.

Options:
  --collection <name>  collection name or id (required)
  --create             create the collection first if it does not exist
  --api <url>          API base URL (env ${API_URL_VARIABLE}; default ${DEFAULT_API_URL})
  --key <api key>      API key (env ${API_KEY_VARIABLE}; default the development key)
  --concurrency <n>    uploads in flight at once (default ${DEFAULT_CONCURRENCY})
  --no-wait            stop after uploading; do not wait for embedding
  -h, --help           show this help

Exit codes: 0 every file ingested (or unchanged, or skipped), 1 a file or the API failed,
2 usage error.
`;

/** What `ballast ingest` was asked to do, with defaults applied. */
export interface IngestOptions {
  readonly paths: readonly string[];
  readonly collection: string;
  readonly create: boolean;
  readonly apiUrl: string;
  readonly apiKey: string;
  readonly concurrency: number;
  readonly wait: boolean;
}

/** The same, as a caller may give it: only paths and collection are required. */
export interface IngestRequest {
  readonly paths: readonly string[];
  readonly collection?: string | undefined;
  readonly create?: boolean | undefined;
  readonly apiUrl?: string | undefined;
  readonly apiKey?: string | undefined;
  readonly concurrency?: number | string | undefined;
  readonly wait?: boolean | undefined;
}

/** Arguments that cannot work; the CLI prints the message and exits with 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** `--help` was asked for. */
export const HELP = Symbol('help');

/** Parses `ballast ingest` arguments (after the command name). */
export function parseIngestArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): IngestOptions | typeof HELP {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        collection: { type: 'string' },
        create: { type: 'boolean' },
        api: { type: 'string' },
        key: { type: 'string' },
        concurrency: { type: 'string' },
        'no-wait': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs explains unknown options and missing values itself.
    const message = (error as { message?: unknown }).message;
    throw new UsageError(typeof message === 'string' ? message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return HELP;
  return resolveIngestOptions(
    {
      paths: positionals,
      collection: values.collection,
      create: values.create,
      apiUrl: values.api,
      apiKey: values.key,
      concurrency: values.concurrency,
      wait: !values['no-wait'],
    },
    env,
  );
}

/** Checks a request and fills in the defaults (API URL and key from flags, environment, defaults). */
export function resolveIngestOptions(request: IngestRequest, env: NodeJS.ProcessEnv = process.env): IngestOptions {
  if (request.paths.length === 0) throw new UsageError('give at least one file or directory to ingest');
  const collection = request.collection?.trim();
  if (!collection) throw new UsageError('--collection <name> is required: the collection to upload into (add --create to create it)');
  const settings = clientSettings({ api: request.apiUrl, key: request.apiKey }, env);
  const apiUrl = normalizeApiUrl(settings.apiUrl);
  if (!apiUrl) throw new UsageError(`--api must be an http(s) URL such as ${DEFAULT_API_URL}, not '${settings.apiUrl}'`);
  let concurrency = DEFAULT_CONCURRENCY;
  if (request.concurrency !== undefined) {
    const raw = String(request.concurrency).trim();
    concurrency = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (!(concurrency >= 1 && concurrency <= MAX_CONCURRENCY)) throw new UsageError(`--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, not '${raw}'`);
  }
  return { paths: request.paths, collection, create: request.create ?? false, apiUrl, apiKey: settings.apiKey, concurrency, wait: request.wait ?? true };
}
