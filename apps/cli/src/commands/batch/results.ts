import { once } from 'node:events';
import { open, rename, unlink } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { OutputStream } from '../../progress/progress-display.js';
import { FINAL_STATUSES } from './batch-api.js';
import type { BatchCommand } from './batch-args.js';
import type { BatchContext, BatchExitCode } from './batch-context.js';

type ResultsCommand = Extract<BatchCommand, { kind: 'results' }>;

const NEWLINE = 0x0a;

/**
 * `ballast batch results`: streams the results JSONL to stdout or a file (written whole or not
 * at all), then says how many lines came and how many requests are still pending.
 */
export async function downloadResults(command: ResultsCommand, context: BatchContext): Promise<BatchExitCode> {
  // The batch first: an unknown id fails before any file is made, and its total tells what is missing.
  const batch = await context.api.get(command.id);
  const stream = await context.api.results(command.id);
  const target = command.output === undefined ? undefined : resolve(context.cwd, command.output);
  const notes = target === undefined ? context.stderr : context.stdout;

  let lines: number;
  try {
    lines = target === undefined ? await copyToOutput(stream, context.stdout) : await copyToFile(stream, target);
  } catch (error) {
    context.stderr.write(`ballast batch results: the download of ${batch.id} broke off (${reason(error)})\n`);
    return 1;
  }

  const pending = Math.max(0, batch.request_counts.total - lines);
  const where = target === undefined ? '' : ` to ${command.output}`;
  let note = `Wrote ${lines} result line${lines === 1 ? '' : 's'}${where} (batch ${batch.id} ${batch.status})`;
  if (pending > 0) {
    note += FINAL_STATUSES.has(batch.status) ? `; ${pending} request${pending === 1 ? ' has' : 's have'} no result` : `; ${pending} still pending: run this again when it ends (ballast batch status ${batch.id} --wait)`;
  }
  notes.write(`${note}\n`);
  return 0;
}

/** Copies the stream to a temporary file beside `path`, renamed into place once complete; answers the line count. */
async function copyToFile(stream: ReadableStream<Uint8Array>, path: string): Promise<number> {
  const partial = `${path}.partial-${process.pid}`;
  const handle = await open(partial, 'w');
  const counter = new LineCounter();
  try {
    for await (const chunk of stream) {
      counter.add(chunk);
      await handle.write(chunk);
    }
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(partial).catch(() => undefined);
    throw error;
  }
  await rename(partial, path);
  return counter.lines();
}

/** Writes the stream as text, waiting when a real stream asks to (`drain`); answers the line count. */
async function copyToOutput(stream: ReadableStream<Uint8Array>, output: OutputStream): Promise<number> {
  const decoder = new TextDecoder();
  const counter = new LineCounter();
  for await (const chunk of stream) {
    counter.add(chunk);
    await writeText(output, decoder.decode(chunk, { stream: true }));
  }
  await writeText(output, decoder.decode());
  if (isStream(output)) {
    // The process exits right after the command: let what was written reach the pipe first.
    await new Promise<void>((resolveFlush) => output.write('', () => resolveFlush()));
  }
  return counter.lines();
}

async function writeText(output: OutputStream, text: string): Promise<void> {
  if (!text) return;
  if (output.write(text) === false && isStream(output)) await once(output, 'drain');
}

/** process.stdout and other real streams, as opposed to a test's collector. */
function isStream(output: OutputStream): output is NodeJS.WritableStream & OutputStream {
  return 'once' in output && typeof output.once === 'function';
}

/** Counts JSONL lines across chunks: newlines, plus a last line without one; blank lines are not counted. */
class LineCounter {
  private count = 0;
  private lineHasText = false;

  add(chunk: Uint8Array): void {
    for (const byte of chunk) {
      if (byte === NEWLINE) {
        if (this.lineHasText) this.count += 1;
        this.lineHasText = false;
      } else if (byte !== 0x0d && byte !== 0x20) {
        this.lineHasText = true;
      }
    }
  }

  lines(): number {
    return this.count + (this.lineHasText ? 1 : 0);
  }
}

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.message : String(error);
}
