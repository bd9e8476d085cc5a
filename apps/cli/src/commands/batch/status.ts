import type { BatchCommand } from './batch-args.js';
import type { BatchContext, BatchExitCode } from './batch-context.js';
import { formatBatchDetails } from './format-batch.js';
import { reportWait, waitForBatch } from './wait-for-batch.js';

type StatusCommand = Extract<BatchCommand, { kind: 'status' }>;

/** `ballast batch status`: shows a batch, or with --wait follows it until it ends. */
export async function showBatchStatus(command: StatusCommand, context: BatchContext): Promise<BatchExitCode> {
  const batch = await context.api.get(command.id);
  if (!command.wait) {
    context.stdout.write(command.json ? `${JSON.stringify(batch.raw, null, 2)}\n` : formatBatchDetails(batch));
    return 0;
  }
  if (!command.json) context.stdout.write(`Following batch ${batch.id} (${batch.mode || 'default'} mode); Ctrl-C stops following, not the batch.\n`);
  const result = await waitForBatch(batch, context, command.json ? context.stderr : context.stdout);
  return reportWait(result, context, command.json);
}
