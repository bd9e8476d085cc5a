import { DEVELOPMENT_API_KEY, type ResolvedConfig } from '#libs/config';
import { ensureDemoCorpus, type DemoCorpusStatus } from './demo-corpus.js';

/** The banner's view of the demo corpus: its collection and what `npm start` did about it. */
export interface DemoCorpusBanner {
  readonly collection: string;
  readonly status: DemoCorpusStatus;
}

/**
 * On `npm start` with the development key, makes the demo corpus askable (ingesting it in the
 * background the first time) and says when it is ready; otherwise does nothing.
 */
export async function startDemoCorpus(config: ResolvedConfig, apiUrl: string, log: (line: string) => void): Promise<DemoCorpusBanner | undefined> {
  const developmentKey = config.auth.apiKeys.find((key) => key.key === DEVELOPMENT_API_KEY);
  if (config.demoCorpus.mode === 'off' || !developmentKey) return undefined;
  const { collection } = config.demoCorpus;
  try {
    const status = await ensureDemoCorpus({ apiUrl, apiKey: developmentKey.key, collection });
    if (status.kind === 'ingesting') {
      void status.done.then(
        (report) => {
          const failed = report.files.filter((file) => file.status === 'failed').length;
          log(failed === 0 ? `Demo corpus ready: ${report.files.length} documents in collection '${collection}'.` : `Demo corpus: ${failed} of ${report.files.length} documents failed to ingest; see GET /v1/collections/${collection}/documents.`);
        },
        (error: unknown) => log(`Demo corpus ingestion failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    return { collection, status };
  } catch (error) {
    log(`Demo corpus not ingested: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
