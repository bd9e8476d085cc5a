import type { BatchCommand } from './batch-args.js';
import type { BatchContext, BatchExitCode } from './batch-context.js';
import { formatBatchDetails } from './format-batch.js';

type CancelCommand = Extract<BatchCommand, { kind: 'cancel' }>;

/** `ballast batch cancel`: asks the API to cancel; the batch goes to `cancelling`, then `cancelled`. */
export async function cancelBatch(command: CancelCommand, context: BatchContext): Promise<BatchExitCode> {
  const batch = await context.api.cancel(command.id);
  if (command.json) {
    context.stdout.write(`${JSON.stringify(batch.raw, null, 2)}\n`);
    return 0;
  }
  context.stdout.write(`Cancel requested for batch ${batch.id}: ${batch.status}\n\n${formatBatchDetails(batch)}`);
  return 0;
}
