import { ApiError, BallastApi } from '../../http/ballast-api.js';
import { BatchApi } from './batch-api.js';
import { BatchUsageError, parseBatchArgs, type BatchCommand } from './batch-args.js';
import type { BatchContext, BatchExitCode, BatchIo } from './batch-context.js';
import { cancelBatch } from './cancel.js';
import { describeApiError } from './format-batch.js';
import { listBatches } from './list.js';
import { downloadResults } from './results.js';
import { showBatchStatus } from './status.js';
import { submitBatch } from './submit.js';

export type { BatchExitCode, BatchIo } from './batch-context.js';
export { BATCH_USAGE } from './batch-usage.js';

const DEFAULT_POLL_INTERVAL_MS = 2000;

/**
 * `ballast batch <submit|status|results|cancel|list> …`: `argv` is what follows `batch`.
 * Answers the exit code: 0 ok, 1 API or usage error, 2 the batch ended failed, expired or
 * cancelled while --wait followed it, 130 following was stopped (Ctrl-C; the batch goes on).
 */
export async function runBatchCommand(argv: readonly string[], io: BatchIo): Promise<BatchExitCode> {
  let command: BatchCommand;
  try {
    command = parseBatchArgs(argv, io.env ?? process.env);
  } catch (error) {
    if (!(error instanceof BatchUsageError)) throw error;
    const help = error.subcommand ? `ballast batch ${error.subcommand} --help` : 'ballast batch --help';
    io.stderr.write(`ballast batch${error.subcommand ? ` ${error.subcommand}` : ''}: ${error.message}\nRun '${help}' for usage.\n`);
    return 1;
  }
  if (command.kind === 'help') {
    io.stdout.write(command.text);
    return 0;
  }

  const context: BatchContext = {
    api: new BatchApi(new BallastApi(command.connection.apiUrl, command.connection.apiKey, io.fetch ?? fetch)),
    stdout: io.stdout,
    stderr: io.stderr,
    cwd: io.cwd ?? process.cwd(),
    pollIntervalMs: io.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS,
    now: io.now ?? Date.now,
    interrupt: io.interrupt,
  };
  try {
    switch (command.kind) {
      case 'submit':
        return await submitBatch(command, context);
      case 'status':
        return await showBatchStatus(command, context);
      case 'results':
        return await downloadResults(command, context);
      case 'cancel':
        return await cancelBatch(command, context);
      case 'list':
        return await listBatches(command, context);
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    io.stderr.write(`${describeApiError(error)}\n`);
    return 1;
  }
}
