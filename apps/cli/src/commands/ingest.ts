import { readFile } from 'node:fs/promises';
import { ApiError, BallastApi, type DocumentBody, type FetchFunction } from '../http/ballast-api.js';
import { formatDuration, formatTable } from '../progress/format.js';
import { createProgressDisplay, type OutputStream, type ProgressDisplay, type ProgressSnapshot } from '../progress/progress-display.js';
import { HELP, INGEST_USAGE, parseIngestArgs, resolveIngestOptions, UsageError, type IngestOptions, type IngestRequest } from './ingest-args.js';
import { collectFiles, PathError, type FoundFile } from './ingest-files.js';

export { INGEST_USAGE, parseIngestArgs, type IngestOptions, type IngestRequest } from './ingest-args.js';

/** What `ingestPaths` talks to: injected so tests run it in-process. */
export interface IngestIo {
  readonly fetch: FetchFunction;
  /** Progress, per-file lines and the summary (process.stdout). */
  readonly output: OutputStream;
  /** Usage and fatal errors (process.stderr); default `output`. */
  readonly errors?: OutputStream;
  /** Where BALLAST_API_URL / BALLAST_API_KEY are read when argv is given; default process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Relative paths resolve against this; default process.cwd(). */
  readonly cwd?: string;
  /** Document status poll interval; default 250 ms. */
  readonly pollIntervalMs?: number;
  /** Milliseconds clock for the elapsed time; default performance.now. */
  readonly now?: () => number;
}

/**
 * A file's outcome. `queued`/`parsing`/`embedding` only with --no-wait (not waited for);
 * `unchanged`: the collection already had these bytes under this source_name.
 */
export type IngestFileStatus = 'ready' | 'unchanged' | 'failed' | 'skipped' | 'queued' | 'parsing' | 'embedding';

export interface IngestFileResult {
  /** The file's source_name (its path relative to the root it was found under). */
  readonly file: string;
  readonly path: string;
  readonly status: IngestFileStatus;
  readonly documentId?: string;
  readonly chunks?: number;
  readonly version?: number;
  /** Why it failed (the API's problem detail) or was skipped. */
  readonly detail?: string;
}

export interface IngestReport {
  /** 0 all succeeded, 1 any failed (or the API could not be used), 2 usage error. */
  readonly exitCode: 0 | 1 | 2;
  readonly files: readonly IngestFileResult[];
}

const DEFAULT_POLL_INTERVAL_MS = 250;
/** Polls of one document that may fail in a row (API restarting, ...) before it counts as failed. */
const MAX_POLL_FAILURES = 20;

/**
 * `ballast ingest`: uploads the supported files under `input` paths into a collection with
 * bounded concurrency, shows progress until each is embedded, prints a summary table.
 * `input` is the command's argv (after `ingest`) or the options themselves.
 */
export async function ingestPaths(input: readonly string[] | IngestRequest, io: IngestIo): Promise<IngestReport> {
  const errors = io.errors ?? io.output;
  const env = io.env ?? process.env;
  let options: IngestOptions;
  let files: FoundFile[];
  try {
    const parsed = isArgv(input) ? parseIngestArgs(input, env) : resolveIngestOptions(input, env);
    if (parsed === HELP) {
      io.output.write(INGEST_USAGE);
      return { exitCode: 0, files: [] };
    }
    options = parsed;
    files = await collectFiles(options.paths, io.cwd);
  } catch (error) {
    if (error instanceof UsageError || error instanceof PathError) {
      errors.write(`ballast ingest: ${error.message}\nRun 'ballast ingest --help' for usage.\n`);
      return { exitCode: 2, files: [] };
    }
    throw error;
  }
  return new IngestRun(options, files, io, errors).run();
}

function isArgv(input: readonly string[] | IngestRequest): input is readonly string[] {
  return Array.isArray(input);
}

/** One file's progress through upload and ingestion. */
interface FileState {
  readonly file: FoundFile;
  status: IngestFileStatus | 'pending';
  documentId?: string;
  version?: number;
  chunksEmbedded: number;
  chunksTotal: number;
  unchanged: boolean;
  detail?: string;
  pollFailures: number;
  settled: boolean;
}

class IngestRun {
  private readonly api: BallastApi;
  private readonly display: ProgressDisplay;
  private readonly now: () => number;
  private readonly states: FileState[];
  private readonly uploadable: FileState[];
  private readonly polling = new Set<FileState>();
  private started = 0;
  private uploaded = 0;
  private settledCount = 0;
  private uploadsDone = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly options: IngestOptions,
    files: readonly FoundFile[],
    private readonly io: IngestIo,
    private readonly errors: OutputStream,
  ) {
    this.api = new BallastApi(options.apiUrl, options.apiKey, io.fetch);
    this.display = createProgressDisplay(io.output);
    this.now = io.now ?? (() => performance.now());
    this.states = files.map((file) => ({ file, status: 'pending', chunksEmbedded: 0, chunksTotal: 0, unchanged: false, pollFailures: 0, settled: false }));
    this.uploadable = this.states.filter((state) => state.file.mediaType !== undefined);
  }

  async run(): Promise<IngestReport> {
    this.started = this.now();
    const { collection } = this.options;
    try {
      if (this.options.create) {
        if ((await this.api.ensureCollection(collection)) === 'created') this.display.note(`Created collection ${collection}`);
      } else {
        await this.api.getCollection(collection);
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const hint = error.status === 404 && !this.options.create ? ' Add --create to create it.' : '';
      this.errors.write(`ballast ingest: ${error.message}${hint}\n`);
      return { exitCode: 1, files: [] };
    }

    const ingestCount = this.uploadable.length;
    this.display.note(`Ingesting ${ingestCount} file${ingestCount === 1 ? '' : 's'} into ${collection} at ${this.options.apiUrl}`);
    for (const state of this.states) {
      if (state.file.mediaType === undefined) {
        const extension = /\.[^./]+$/.exec(state.file.fileName)?.[0];
        this.settle(state, 'skipped', `unsupported file type${extension ? ` (${extension})` : ''}`);
      }
    }
    this.markDuplicates();
    this.redraw();

    const polling = this.options.wait ? this.pollUntilSettled() : Promise.resolve();
    await forEachBounded(
      this.uploadable.filter((state) => !state.settled),
      this.options.concurrency,
      (state) => this.upload(state),
    );
    this.uploadsDone = true;
    this.wake?.();
    await polling;
    this.display.finish(this.snapshot());
    return this.summarize();
  }

  /** Two files with one source_name would replace each other: the later ones fail up front. */
  private markDuplicates(): void {
    const first = new Map<string, FileState>();
    for (const state of this.uploadable) {
      const earlier = first.get(state.file.sourceName);
      if (!earlier) {
        first.set(state.file.sourceName, state);
        continue;
      }
      this.uploaded += 1;
      this.settle(state, 'failed', `same source_name as ${earlier.file.path}; ingest one of them into another collection`);
    }
  }

  private async upload(state: FileState): Promise<void> {
    state.status = 'queued';
    let body: DocumentBody;
    try {
      const bytes = await readFile(state.file.path);
      const { fileName, title, sourceName, mediaType } = state.file;
      body = await this.api.uploadDocument(this.options.collection, { bytes, fileName, title, sourceName, mediaType: mediaType ?? 'application/octet-stream' });
    } catch (error) {
      this.uploaded += 1;
      this.settle(state, 'failed', describeError(error));
      this.redraw();
      return;
    }
    this.uploaded += 1;
    state.documentId = body.id;
    state.unchanged = body.unchanged === true;
    state.version = body.version ?? body.latest_version;
    this.apply(state, body);
    if (!state.settled) {
      if (this.options.wait) this.polling.add(state);
      else this.settle(state, state.unchanged ? 'unchanged' : (state.status as IngestFileStatus));
    }
    this.redraw();
  }

  /** Takes a document's status and progress; settles it when ready or failed. */
  private apply(state: FileState, document: DocumentBody): void {
    state.chunksEmbedded = document.progress.chunks_embedded;
    state.chunksTotal = document.progress.chunks_total;
    switch (document.status) {
      case 'ready':
        this.settle(state, state.unchanged ? 'unchanged' : 'ready');
        break;
      case 'failed':
        this.settle(state, 'failed', document.error ?? 'ingestion failed');
        break;
      case 'deleting':
      case 'deleted':
        this.settle(state, 'failed', 'the document was deleted while it was being ingested');
        break;
      default:
        state.status = document.status;
    }
  }

  /** Polls every pending document each interval, until uploads are done and none is pending. */
  private async pollUntilSettled(): Promise<void> {
    const interval = this.io.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
    for (;;) {
      if (this.uploadsDone && this.polling.size === 0) return;
      await new Promise<void>((resolveSleep) => {
        const timer = setTimeout(resolveSleep, interval);
        // Uploads finishing ends the wait early when nothing is left to poll.
        this.wake = () => {
          if (this.polling.size === 0) {
            clearTimeout(timer);
            resolveSleep();
          }
        };
      });
      this.wake = undefined;
      await forEachBounded([...this.polling], this.options.concurrency, (state) => this.poll(state));
      this.redraw();
    }
  }

  private async poll(state: FileState): Promise<void> {
    try {
      this.apply(state, await this.api.getDocument(this.options.collection, state.documentId!));
      state.pollFailures = 0;
    } catch (error) {
      state.pollFailures += 1;
      if ((error instanceof ApiError && error.status === 404) || state.pollFailures >= MAX_POLL_FAILURES) {
        this.settle(state, 'failed', describeError(error));
      }
    }
  }

  private settle(state: FileState, status: IngestFileStatus, detail?: string): void {
    if (state.settled) return;
    state.settled = true;
    state.status = status;
    if (detail !== undefined) state.detail = detail;
    this.polling.delete(state);
    this.settledCount += 1;
    this.display.fileDone(this.fileLine(state), status === 'failed' || status === 'skipped');
  }

  /** `[2/5] ready      guides/setup.md  4 chunks, v1` */
  private fileLine(state: FileState): string {
    const counter = `[${this.settledCount}/${this.states.length}]`;
    const facts =
      state.status === 'failed' || state.status === 'skipped'
        ? (state.detail ?? '')
        : [`${state.chunksTotal} chunk${state.chunksTotal === 1 ? '' : 's'}`, state.version !== undefined ? `v${state.version}` : undefined].filter(Boolean).join(', ');
    return `${counter} ${state.status.padEnd(9)} ${state.file.sourceName}${facts ? `  ${facts}` : ''}`;
  }

  private snapshot(): ProgressSnapshot {
    let chunksEmbedded = 0;
    let chunksTotal = 0;
    for (const state of this.uploadable) {
      // Unchanged documents were embedded before this run.
      if (state.unchanged || state.documentId === undefined) continue;
      chunksEmbedded += state.chunksEmbedded;
      chunksTotal += state.chunksTotal;
    }
    return { filesDone: this.uploaded, filesTotal: this.uploadable.length, chunksEmbedded, chunksTotal, showChunks: this.options.wait, elapsedMs: this.now() - this.started };
  }

  private redraw(): void {
    this.display.update(this.snapshot());
  }

  private summarize(): IngestReport {
    const results: IngestFileResult[] = this.states.map((state) => ({
      file: state.file.sourceName,
      path: state.file.path,
      status: state.status === 'pending' ? 'failed' : state.status,
      ...(state.documentId !== undefined ? { documentId: state.documentId } : {}),
      ...(state.documentId !== undefined ? { chunks: state.chunksTotal } : {}),
      ...(state.version !== undefined ? { version: state.version } : {}),
      ...(state.detail !== undefined ? { detail: state.detail } : {}),
    }));
    const table = formatTable(
      ['FILE', 'STATUS', 'CHUNKS', 'VERSION', 'DETAIL'],
      results.map((result) => [result.file, result.status, result.chunks === undefined ? '-' : String(result.chunks), result.version === undefined ? '-' : `v${result.version}`, result.detail ?? '']),
      ['left', 'left', 'right', 'right', 'left'],
    );
    const count = (status: IngestFileStatus) => results.filter((result) => result.status === status).length;
    const failed = count('failed');
    const counts = [`${count('ready')} ready`, `${count('unchanged')} unchanged`, `${failed} failed`, `${count('skipped')} skipped`];
    const pending = results.length - results.filter((result) => ['ready', 'unchanged', 'failed', 'skipped'].includes(result.status)).length;
    if (pending > 0) counts.push(`${pending} still ingesting (--no-wait)`);
    const elapsed = formatDuration(this.now() - this.started);
    this.io.output.write(`\n${table}\n\n${results.length} file${results.length === 1 ? '' : 's'}: ${counts.join(', ')} in ${elapsed}\n`);
    return { exitCode: failed > 0 ? 1 : 0, files: results };
  }
}

function describeError(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && error instanceof Error) return `cannot read the file (${code})`;
  return error instanceof Error ? error.message : String(error);
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function forEachBounded<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
