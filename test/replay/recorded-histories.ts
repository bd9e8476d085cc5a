import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { History } from '@temporalio/common/lib/proto-utils.js';
import { chatWorkflowId, type ChatWorkflowInput } from '#libs/contracts';
import { projectRoot } from '#libs/project';
import { historyFromJson, workflowStartInput } from '../../scripts/history-json.js';

/** One committed history file, ready for `Worker.runReplayHistories`. */
export interface RecordedHistory {
  /** File name without `.json`, e.g. `fallback-to-second-provider`. */
  readonly name: string;
  readonly history: History;
  /** Histories do not store the workflow id; chat workflows derive it from the request id. */
  readonly workflowId: string;
}

/** Where `scripts/record-histories.ts` writes and CI replays from. */
export function historiesDirectory(): string {
  return join(projectRoot(), 'workflows', '__histories__');
}

/** Every `*.json` under `workflows/__histories__/`, sorted by name. */
export function loadRecordedHistories(directory = historiesDirectory()): RecordedHistory[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const history = historyFromJson(JSON.parse(readFileSync(join(directory, file), 'utf8')));
      const input = workflowStartInput(history) as ChatWorkflowInput | undefined;
      if (!input?.request?.requestId) throw new Error(`${file}: the first event does not start a chat workflow with a request id`);
      return { name: basename(file, '.json'), history, workflowId: chatWorkflowId(input.request.requestId) };
    });
}
