/**
 * Ingest throughput benchmark: parse → chunk → embed with the built-in lexical embedder, on a
 * synthetic ~100-page handbook rendered as PDF, Markdown and HTML.
 *
 *   node dist/bench/ingest.js [--pages 100] [--rounds 5] [--no-write]
 *
 * Prints JSON and writes bench/results/ingest.json and ingest.md. Baselines measured in the
 * same run: one `countTokens` pass (for the chunker) and a regex word split (for the embedder).
 * The durable path (Temporal, blob store, vector upserts) is measured separately.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { projectRoot } from '#libs/project';
import { chunkDocument, createLexicalEmbeddingModel, DEFAULT_TOKENIZER_ENCODING, lexicalEmbedding, loadTokenizer, parseDocument } from '#libs/rag';
import { machineInfo } from './machine-info.js';
import { buildTextPdf } from './ingest/build-text-pdf.js';
import { renderIngestReport, type IngestBenchmarkResult } from './ingest/ingest-report.js';
import { fastestRun, measureIngest, round } from './ingest/measure-ingest.js';
import { corpusAsHtml, corpusAsLines, corpusAsMarkdown, syntheticCorpus } from './ingest/synthetic-corpus.js';

const LINES_PER_PDF_PAGE = 40;
const GOAL_PAGES_PER_SECOND = 100;
const GOAL_LEXICAL_CHUNKS_PER_SECOND = 5_000;
const EMBEDDER_SAMPLE_CHUNKS = 2_000;

/** Runs the benchmark and returns its result document. */
export async function runIngestBenchmark(options: { readonly pages: number; readonly rounds: number }): Promise<IngestBenchmarkResult> {
  const corpus = syntheticCorpus(options.pages);
  const lines = corpusAsLines(corpus);
  const pdf = buildTextPdf({ title: corpus.title, lines, linesPerPage: LINES_PER_PDF_PAGE });
  const pdfPages = Math.ceil(lines.length / LINES_PER_PDF_PAGE);
  const markdown = new TextEncoder().encode(corpusAsMarkdown(corpus));
  const html = new TextEncoder().encode(corpusAsHtml(corpus));

  const tokenizerStarted = performance.now();
  const tokenizer = await loadTokenizer(DEFAULT_TOKENIZER_ENCODING);
  const tokenizerLoadMs = round(performance.now() - tokenizerStarted);
  const model = createLexicalEmbeddingModel();

  const inputs = [
    { name: 'pdf', bytes: pdf, mediaType: 'application/pdf', fileName: 'handbook.pdf' },
    { name: 'markdown', bytes: markdown, mediaType: 'text/markdown', fileName: 'handbook.md' },
    { name: 'html', bytes: html, mediaType: 'text/html', fileName: 'handbook.html' },
  ] as const;
  const formats: Record<string, IngestBenchmarkResult['formats'][string]> = {};
  for (const input of inputs) {
    const measured = await measureIngest({ ...input, tokenizer, model, rounds: options.rounds });
    formats[input.name] = {
      ...measured,
      pagesPerSecond: round((pdfPages * 1000) / measured.median.totalMs),
      pagesPerCpuSecond: round((pdfPages * 1000) / measured.median.cpuMs),
      chunksPerSecond: round((measured.chunks * 1000) / measured.median.totalMs),
    };
  }

  // The chunker against the least a token-aware chunker must do: count every token once.
  const parsed = await parseDocument({ bytes: markdown, mediaType: 'text/markdown' });
  const allText = parsed.sections.map((section) => section.text).join('\n\n');
  const totalTokens = tokenizer.countTokens(allText);
  const chunking = fastestRun(() => void chunkDocument(parsed, {}, tokenizer), options.rounds);
  const counting = fastestRun(() => void tokenizer.countTokens(allText), options.rounds);

  // The lexical embedder against splitting the same chunks into lower-case words, on enough
  // chunks (the document's, repeated) that one timed round lasts a fair fraction of a second.
  const documentTexts = chunkDocument(parsed, {}, tokenizer).map((chunk) => chunk.text);
  const texts = Array.from({ length: Math.ceil(EMBEDDER_SAMPLE_CHUNKS / documentTexts.length) }, () => documentTexts).flat();
  const embedding = fastestRun(() => texts.forEach((text) => lexicalEmbedding(text, model.dimensions)), options.rounds);
  const splitting = fastestRun(() => texts.forEach((text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu)), options.rounds);
  const lexicalChunksPerSecond = Math.round((texts.length * 1000) / embedding.wallMs);
  const lexicalChunksPerCpuSecond = Math.round((texts.length * 1000) / embedding.cpuMs);

  const slowestPagesPerSecond = Math.min(...Object.values(formats).map((format) => format.pagesPerSecond));
  return {
    benchmark: 'ingest',
    machine: { ...machineInfo(), loadAverage: loadavg().map((value) => round(value, 2)) },
    corpus: { pages: options.pages, pdfPages, words: corpus.words, characters: corpus.characters, tokens: totalTokens },
    tokenizer: { encoding: tokenizer.encoding, loadMs: tokenizerLoadMs },
    embedder: { modelId: model.modelId, kind: model.kind, dimensions: model.dimensions },
    formats,
    lexicalEmbedder: {
      chunks: texts.length,
      meanChunkTokens: Math.round(totalTokens / documentTexts.length),
      chunksPerSecond: lexicalChunksPerSecond,
      chunksPerCpuSecond: lexicalChunksPerCpuSecond,
      baselineWordSplitChunksPerSecond: Math.round((texts.length * 1000) / splitting.wallMs),
      ratioToBaseline: round(embedding.cpuMs / splitting.cpuMs, 2),
    },
    chunker: {
      tokensPerSecond: Math.round((totalTokens * 1000) / chunking.wallMs),
      tokensPerCpuSecond: Math.round((totalTokens * 1000) / chunking.cpuMs),
      baselineCountTokensPerSecond: Math.round((totalTokens * 1000) / counting.wallMs),
      ratioToBaseline: round(chunking.cpuMs / counting.cpuMs, 2),
    },
    goals: {
      pagesPerSecond: GOAL_PAGES_PER_SECOND,
      lexicalChunksPerSecond: GOAL_LEXICAL_CHUNKS_PER_SECOND,
      met: {
        [`every format ≥ ${GOAL_PAGES_PER_SECOND} pages/s end to end (slowest: ${slowestPagesPerSecond})`]: slowestPagesPerSecond >= GOAL_PAGES_PER_SECOND,
        [`lexical embedder ≥ ${GOAL_LEXICAL_CHUNKS_PER_SECOND} chunks/s by the clock (${lexicalChunksPerSecond})`]: lexicalChunksPerSecond >= GOAL_LEXICAL_CHUNKS_PER_SECOND,
        [`lexical embedder ≥ ${GOAL_LEXICAL_CHUNKS_PER_SECOND} chunks per CPU-second (${lexicalChunksPerCpuSecond})`]: lexicalChunksPerCpuSecond >= GOAL_LEXICAL_CHUNKS_PER_SECOND,
      },
    },
    notes: [
      'Single process, single thread; a second core would double throughput with a worker per document.',
      'A load average above the core count means other processes shared the CPU during the run: clock figures are then pessimistic; per-CPU-second figures and ratios (CPU time against CPU time) are not.',
    ],
  };
}

/** Parses the command line, runs, prints JSON, writes the result files. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: { pages: { type: 'string', default: '100' }, rounds: { type: 'string', default: '5' }, 'no-write': { type: 'boolean', default: false } },
  });
  const result = await runIngestBenchmark({ pages: Number(values.pages), rounds: Number(values.rounds) });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  process.stdout.write(json);
  if (values['no-write'] !== true) {
    const directory = join(projectRoot(), 'bench', 'results');
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'ingest.json'), json);
    writeFileSync(join(directory, 'ingest.md'), renderIngestReport(result));
  }
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  await main();
}
