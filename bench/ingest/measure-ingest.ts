import { performance } from 'node:perf_hooks';
import { chunkDocument, parseDocument, type EmbeddingModel, type Tokenizer } from '#libs/rag';
import type { SupportedMediaType } from '#libs/contracts';

/** Median times of one format's ingest stages, in milliseconds. */
export interface StageTimes {
  readonly parseMs: number;
  readonly chunkMs: number;
  readonly embedMs: number;
  readonly totalMs: number;
  /** CPU time of the whole run (user + system). */
  readonly cpuMs: number;
}

/** What one format's runs measured. */
export interface FormatMeasurement {
  readonly mediaType: SupportedMediaType;
  readonly bytes: number;
  /** The first run, with module loading and JIT warm-up; not in the medians. */
  readonly coldTotalMs: number;
  readonly median: StageTimes;
  readonly chunks: number;
  readonly meanChunkTokens: number;
  readonly sections: number;
}

/** Runs parse → chunk → embed `rounds` times after one cold run, and keeps the medians. */
export async function measureIngest(options: {
  readonly bytes: Uint8Array;
  readonly mediaType: SupportedMediaType;
  readonly fileName: string;
  readonly tokenizer: Tokenizer;
  readonly model: EmbeddingModel;
  readonly rounds: number;
}): Promise<FormatMeasurement> {
  const runs: StageTimes[] = [];
  let chunks = 0;
  let tokens = 0;
  let sections = 0;
  let coldTotalMs = 0;
  for (let round = 0; round <= options.rounds; round += 1) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    const parsed = await parseDocument({ bytes: options.bytes, mediaType: options.mediaType, fileName: options.fileName });
    const parsedAt = performance.now();
    const documentChunks = chunkDocument(parsed, {}, options.tokenizer);
    const chunkedAt = performance.now();
    const texts = documentChunks.map((chunk) => chunk.text);
    for (let start = 0; start < texts.length; start += options.model.maxBatchSize) {
      await options.model.embed(texts.slice(start, start + options.model.maxBatchSize));
    }
    const embeddedAt = performance.now();
    const cpu = process.cpuUsage(cpuStarted);
    if (round === 0) {
      coldTotalMs = embeddedAt - started;
      continue;
    }
    runs.push({
      parseMs: parsedAt - started,
      chunkMs: chunkedAt - parsedAt,
      embedMs: embeddedAt - chunkedAt,
      totalMs: embeddedAt - started,
      cpuMs: (cpu.user + cpu.system) / 1000,
    });
    chunks = documentChunks.length;
    tokens = documentChunks.reduce((sum, chunk) => sum + chunk.tokenCount, 0);
    sections = parsed.sections.length;
  }
  return {
    mediaType: options.mediaType,
    bytes: options.bytes.length,
    coldTotalMs: round(coldTotalMs),
    median: {
      parseMs: round(median(runs.map((run) => run.parseMs))),
      chunkMs: round(median(runs.map((run) => run.chunkMs))),
      embedMs: round(median(runs.map((run) => run.embedMs))),
      totalMs: round(median(runs.map((run) => run.totalMs))),
      cpuMs: round(median(runs.map((run) => run.cpuMs))),
    },
    chunks,
    meanChunkTokens: chunks === 0 ? 0 : Math.round(tokens / chunks),
    sections,
  };
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The fastest of several runs, by the clock and by this process's CPU time. */
export interface FastestRun {
  readonly wallMs: number;
  /** User + system CPU time: unlike the clock, it does not grow when other processes share the cores. */
  readonly cpuMs: number;
}

/** The fastest wall-clock and CPU times of `rounds` runs of `work` (after one warm-up run). */
export function fastestRun(work: () => void, rounds: number): FastestRun {
  work();
  let wallMs = Number.POSITIVE_INFINITY;
  let cpuMs = Number.POSITIVE_INFINITY;
  for (let index = 0; index < rounds; index += 1) {
    const cpuStarted = process.cpuUsage();
    const started = performance.now();
    work();
    wallMs = Math.min(wallMs, performance.now() - started);
    const cpu = process.cpuUsage(cpuStarted);
    cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000);
  }
  return { wallMs, cpuMs };
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
