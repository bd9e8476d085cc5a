import { writeFileSync } from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';
import { prebuiltBundlePath, workflowBundleOptions } from './workflow-bundle.js';

/** `npm run build` step: bundle workflow code once so production workers start fast. */
async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({
    ...workflowBundleOptions(),
    logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
  });
  writeFileSync(prebuiltBundlePath(), code);
  console.log(`workflow bundle written to ${prebuiltBundlePath()} (${Math.round(code.length / 1024)} KiB)`);
}

await main();
