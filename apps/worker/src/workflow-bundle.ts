import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkerOptions } from '@temporalio/worker';
import { projectRoot } from '#libs/project';

/** Where `npm run build` writes the prebuilt workflow bundle production workers load. */
export function prebuiltBundlePath(): string {
  return join(projectRoot(), 'dist', 'workflow-bundle.js');
}

/**
 * Bundling inputs for workflow code: webpack resolves our `#libs/*` imports to TypeScript
 * sources and `.js` specifiers to `.ts` files, so workers bundle straight from `workflows/src`.
 */
export function workflowSourceOptions(): Pick<WorkerOptions, 'workflowsPath' | 'bundlerOptions'> {
  return {
    workflowsPath: join(projectRoot(), 'workflows', 'src', 'index.ts'),
    bundlerOptions: {
      webpackConfigHook: (config) => {
        config.resolve = {
          ...config.resolve,
          conditionNames: ['ballast-source', '...'],
          extensionAlias: { '.js': ['.ts', '.js'] },
        };
        return config;
      },
    },
  };
}

/** A prebuilt bundle when one exists (fast start), else bundling from source at start-up. */
export function workflowCodeOptions(options: { preferPrebuilt: boolean }): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  const bundle = prebuiltBundlePath();
  if (options.preferPrebuilt && existsSync(bundle)) return { workflowBundle: { codePath: bundle } };
  return workflowSourceOptions();
}
