import { bundleWorkflowCode } from '@temporalio/worker';
// The module itself, not `#apps/worker`: replay needs the bundling options, not every activity's dependencies.
import { workflowBundleOptions } from '../../apps/worker/src/workflow-bundle.js';

/**
 * Bundles workflow code exactly as workers do (same webpack hook, same interceptor modules),
 * from `workflowsPath` or, by default, from `workflows/src`: replay must judge the code
 * production would run.
 */
export async function bundleWorkflows(workflowsPath?: string): Promise<{ code: string }> {
  const options = workflowBundleOptions();
  return bundleWorkflowCode({
    ...options,
    workflowsPath: workflowsPath ?? options.workflowsPath,
    logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} },
  });
}
