import type { BatchCommand } from './batch-args.js';
import type { BatchContext, BatchExitCode } from './batch-context.js';
import { formatBatchList } from './format-batch.js';

type ListCommand = Extract<BatchCommand, { kind: 'list' }>;

/** `ballast batch list`: the latest batches as a table (or their objects with --json). */
export async function listBatches(command: ListCommand, context: BatchContext): Promise<BatchExitCode> {
  const list = await context.api.list(command.limit);
  context.stdout.write(command.json ? `${JSON.stringify(list.batches.map((batch) => batch.raw), null, 2)}\n` : formatBatchList(list.batches, list.hasMore));
  return 0;
}
