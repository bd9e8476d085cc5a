import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ApiError } from '../../http/ballast-api.js';
import { toLineErrors } from './batch-api.js';
import type { BatchCommand } from './batch-args.js';
import type { BatchContext, BatchExitCode } from './batch-context.js';
import { describeApiError, formatLineErrors, formatSubmitted } from './format-batch.js';
import { reportWait, waitForBatch } from './wait-for-batch.js';

type SubmitCommand = Extract<BatchCommand, { kind: 'submit' }>;

/** `ballast batch submit`: sends the JSONL, prints the batch and its invalid lines, follows it with --wait. */
export async function submitBatch(command: SubmitCommand, context: BatchContext): Promise<BatchExitCode> {
  let jsonl: string;
  try {
    jsonl = await readFile(resolve(context.cwd, command.file), 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    context.stderr.write(`ballast batch submit: ${code === 'ENOENT' ? `no such file: ${command.file}` : `cannot read ${command.file} (${typeof code === 'string' ? code : String(error)})`}\n`);
    return 1;
  }
  if (!jsonl.trim()) {
    context.stderr.write(`ballast batch submit: ${command.file} has no lines\n`);
    return 1;
  }

  let batch;
  try {
    batch = await context.api.submit(jsonl, command);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    context.stderr.write(`${describeApiError(error)}\n`);
    // No valid line: the problem lists the first errors.
    const lineErrors = toLineErrors(invalidLinesOf(error.problem));
    if (lineErrors.length > 0) context.stderr.write(`${formatLineErrors(lineErrors)}\n`);
    return 1;
  }

  if (command.json && !command.wait) {
    context.stdout.write(`${JSON.stringify(batch.raw, null, 2)}\n`);
    return 0;
  }
  if (!command.json) context.stdout.write(formatSubmitted(batch));
  if (!command.wait) {
    context.stdout.write(`Follow it: ballast batch status ${batch.id} --wait\n`);
    return 0;
  }
  const result = await waitForBatch(batch, context, command.json ? context.stderr : context.stdout);
  return reportWait(result, context, command.json);
}

/** The line errors a 400 problem carries: `errors` as a list or as `{ data: [...] }`. */
function invalidLinesOf(problem: Readonly<Record<string, unknown>> | undefined): unknown {
  const errors = problem?.errors;
  if (Array.isArray(errors)) return errors;
  if (typeof errors === 'object' && errors !== null) return (errors as { data?: unknown }).data;
  return undefined;
}
