import type { MachineInfo } from '../machine-info.js';
import type { FormatMeasurement } from './measure-ingest.js';

/** The result document of the ingest benchmark. */
export interface IngestBenchmarkResult {
  readonly benchmark: 'ingest';
  readonly machine: MachineInfo & { readonly loadAverage: readonly number[] };
  readonly corpus: { readonly pages: number; readonly pdfPages: number; readonly words: number; readonly characters: number; readonly tokens: number };
  readonly tokenizer: { readonly encoding: string; readonly loadMs: number };
  readonly embedder: { readonly modelId: string; readonly kind: string; readonly dimensions: number };
  readonly formats: Readonly<Record<string, FormatMeasurement & { readonly pagesPerSecond: number; readonly pagesPerCpuSecond: number; readonly chunksPerSecond: number }>>;
  readonly lexicalEmbedder: {
    readonly chunks: number;
    readonly meanChunkTokens: number;
    readonly chunksPerSecond: number;
    readonly chunksPerCpuSecond: number;
    readonly baselineWordSplitChunksPerSecond: number;
    /** CPU time of embedding ÷ CPU time of the word split. */
    readonly ratioToBaseline: number;
  };
  readonly chunker: {
    readonly tokensPerSecond: number;
    readonly tokensPerCpuSecond: number;
    readonly baselineCountTokensPerSecond: number;
    /** CPU time of chunking ÷ CPU time of one countTokens pass. */
    readonly ratioToBaseline: number;
  };
  readonly goals: { readonly pagesPerSecond: number; readonly lexicalChunksPerSecond: number; readonly met: Readonly<Record<string, boolean>> };
  readonly notes: readonly string[];
}

/** The result as a Markdown page for bench/results/ingest.md. */
export function renderIngestReport(result: IngestBenchmarkResult): string {
  const { machine, corpus } = result;
  const rows = Object.entries(result.formats).map(
    ([name, format]) =>
      `| ${name} | ${(format.bytes / 1024).toFixed(0)} KiB | ${format.median.parseMs} | ${format.median.chunkMs} | ${format.median.embedMs} | ${format.median.totalMs} | **${format.pagesPerSecond}** | ${format.pagesPerCpuSecond} | ${format.chunks} (${format.meanChunkTokens} tok) | ${format.chunksPerSecond} | ${format.coldTotalMs} |`,
  );
  const goals = Object.entries(result.goals.met).map(([goal, met]) => `- ${met ? '✅' : '❌'} ${goal}`);
  return [
    '# Ingest throughput (parse → chunk → lexical embed)',
    '',
    `${machine.date} · ${machine.cpuModel} · ${machine.cores} cores · ${machine.memoryGiB} GiB · Node ${machine.node} · load average ${machine.loadAverage.map((value) => value.toFixed(2)).join(' / ')}`,
    '',
    `Corpus: a synthetic handbook of ${corpus.pages} pages (${corpus.pdfPages} PDF pages, ${corpus.words.toLocaleString('en')} words, ${corpus.tokens.toLocaleString('en')} ${result.tokenizer.encoding} tokens), the same text as PDF, Markdown and HTML. Default chunking (768 target / 1024 max / 64 overlap), embedder \`${result.embedder.modelId}\` (${result.embedder.kind}, ${result.embedder.dimensions} dims). Medians of the timed rounds, in ms; the cold column is the first run (module loading, JIT).`,
    '',
    '| format | size | parse | chunk | embed | total | pages/s | pages per CPU-s | chunks | chunks/s | cold total |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Tokenizer load (${result.tokenizer.encoding}, once per process): ${result.tokenizer.loadMs} ms.`,
    '',
    `Chunker: ${result.chunker.tokensPerSecond.toLocaleString('en')} tokens/s (${result.chunker.tokensPerCpuSecond.toLocaleString('en')} per CPU-second), ${result.chunker.ratioToBaseline}× the CPU time of one plain \`countTokens\` pass over the same text, measured in the same run.`,
    '',
    `Lexical embedder alone (${result.lexicalEmbedder.chunks} chunks of ${result.lexicalEmbedder.meanChunkTokens} tokens on average): ${result.lexicalEmbedder.chunksPerSecond.toLocaleString('en')} chunks/s, ${result.lexicalEmbedder.chunksPerCpuSecond.toLocaleString('en')} per CPU-second; ${result.lexicalEmbedder.ratioToBaseline}× the CPU time of a lower-case + regex word split of the same chunks.`,
    '',
    'Goals:',
    ...goals,
    '',
    ...result.notes.map((note) => `- ${note}`),
    '',
  ].join('\n');
}
