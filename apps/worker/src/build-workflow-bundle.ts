import { writeFileSync } from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';
import { prebuiltBundlePath, workflowSourceOptions } from './workflow-bundle.js';

/** `npm run build` step: bundle workflow code once so production workers start fast. */
async function main(): Promise<void> {
  const source = workflowSourceOptions();
  const { code } = await bundleWorkflowCode({
    workflowsPath: source.workflowsPath as string,
    ...(source.bundlerOptions?.webpackConfigHook ? { webpackConfigHook: source.bundlerOptions.webpackConfigHook } : {}),
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  });
  writeFileSync(prebuiltBundlePath(), code);
  console.log(`workflow bundle written to ${prebuiltBundlePath()} (${Math.round(code.length / 1024)} KiB)`);
}

await main();
