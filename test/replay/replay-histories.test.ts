import { fileURLToPath } from 'node:url';
import { DefaultLogger, Runtime, Worker, type ReplayResult } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { bundleWorkflows } from './bundle-workflows.js';
import { loadRecordedHistories, type RecordedHistory } from './recorded-histories.js';
import { DISABLED_TELEMETRY, temporalWorkerTracing } from '#libs/telemetry';

/**
 * Every history under `workflows/__histories__/` must replay against the workflow code in
 * the tree: a change that would break workflows already running in production fails here.
 * Re-record with `node dist/scripts/record-histories.js` (see docs/replay.md).
 */

const histories = loadRecordedHistories();

/** The behaviours the recorder covers; deleting one of their files must not go unnoticed. */
const REQUIRED_HISTORIES = [
  'success',
  'rate-limited-then-success',
  'fallback-to-second-provider',
  'context-length-fallback',
  'all-targets-fail',
  'provider-auth-fails-fast',
  'local-activity-success',
];

beforeAll(() => {
  // The deliberate violation below is logged by the SDK core at WARN; the assertions report it.
  Runtime.install({ shutdownSignals: [], logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
});

async function replay(code: string, recorded: readonly RecordedHistory[]): Promise<Map<string, ReplayResult>> {
  const results = new Map<string, ReplayResult>();
  const replays = Worker.runReplayHistories(
    // The OpenTelemetry workflow interceptors export through a sink; with export off it drops the spans.
    { workflowBundle: { code }, replayName: 'ballast-replay-test', sinks: temporalWorkerTracing(DISABLED_TELEMETRY).sinks },
    recorded.map(({ history, workflowId }) => ({ history, workflowId })),
  );
  for await (const result of replays) results.set(result.workflowId, result);
  return results;
}

describe('recorded workflow histories', () => {
  let results: Map<string, ReplayResult>;

  beforeAll(async () => {
    const { code } = await bundleWorkflows();
    results = await replay(code, histories);
  }, 120_000);

  test('cover success, retry, fallback, context-length, all-fail, fail-fast and local-activity runs', () => {
    expect(histories.map((recorded) => recorded.name)).toEqual(expect.arrayContaining(REQUIRED_HISTORIES));
  });

  test.each(histories.map((recorded) => [recorded.name, recorded] as const))('%s replays against the current workflow code', (_name, recorded) => {
    const result = results.get(recorded.workflowId);
    expect(result).toBeDefined();
    // The message, not just "an error", is what someone fixing the workflow needs to read.
    expect(result?.error?.message).toBeUndefined();
  });
});

describe('the replay check itself', () => {
  test('fails with a DeterminismViolationError when the workflow calls its steps in another order', async () => {
    const fixture = fileURLToPath(new URL('./fixtures/reordered-chat.workflow.ts', import.meta.url));
    const { code } = await bundleWorkflows(fixture);
    const recorded = histories.filter((history) => history.name === 'success' || history.name === 'local-activity-success');
    expect(recorded).toHaveLength(2);

    const results = await replay(code, recorded);

    for (const history of recorded) {
      const error = results.get(history.workflowId)?.error;
      expect(error).toBeInstanceOf(DeterminismViolationError);
      expect(error?.message).toMatch(/nondetermin/i);
    }
  }, 120_000);
});
