import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '#libs/project';
import type { FetchFunction } from '../http/ballast-api.js';
import { ingestPaths, type IngestReport } from './ingest.js';

/** Where the bundled demo corpus lives in a checkout. */
export const DEMO_CORPUS_DIRECTORY = join(projectRoot(), 'demo', 'corpus');

export interface DemoCorpusOptions {
  readonly apiUrl: string;
  readonly apiKey: string;
  readonly collection: string;
  /** Default {@link DEMO_CORPUS_DIRECTORY}. */
  readonly directory?: string;
  readonly fetch?: FetchFunction;
}

/** What `npm start` did about the demo corpus, for one line of its banner. */
export type DemoCorpusStatus =
  | { readonly kind: 'missing' }
  | { readonly kind: 'present'; readonly documents: number }
  | { readonly kind: 'ingesting'; readonly files: number; readonly done: Promise<IngestReport> };

/**
 * Makes the demo corpus askable: when the collection does not exist yet, creates it and ingests
 * the corpus (each document its own durable workflow) without waiting for it; when it exists,
 * leaves it as it is.
 */
export async function ensureDemoCorpus(options: DemoCorpusOptions): Promise<DemoCorpusStatus> {
  const directory = options.directory ?? DEMO_CORPUS_DIRECTORY;
  if (!existsSync(directory)) return { kind: 'missing' };
  const send = options.fetch ?? fetch;
  const headers = { authorization: `Bearer ${options.apiKey}` };
  const existing = await send(`${options.apiUrl}/v1/collections/${encodeURIComponent(options.collection)}/documents?limit=100`, { headers });
  if (existing.ok) {
    const body = (await existing.json()) as { data?: unknown[] };
    return { kind: 'present', documents: body.data?.length ?? 0 };
  }
  const files = readdirSync(directory).filter((name) => !name.startsWith('.')).length;
  const quiet = { write: () => true, isTTY: false };
  const done = ingestPaths(
    { paths: [directory], collection: options.collection, create: true, apiUrl: options.apiUrl, apiKey: options.apiKey, wait: true },
    { fetch: send, output: quiet, errors: quiet },
  );
  return { kind: 'ingesting', files, done };
}
