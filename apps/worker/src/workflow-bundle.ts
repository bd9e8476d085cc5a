import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BundleOptions, WorkerOptions } from '@temporalio/worker';
import { projectRoot } from '#libs/project';

/** Where `npm run build` writes the prebuilt workflow bundle production workers load. */
export function prebuiltBundlePath(): string {
  return join(projectRoot(), 'dist', 'workflow-bundle.js');
}

/**
 * Interceptor modules compiled into every workflow bundle: OpenTelemetry's (see
 * workflows/src/interceptors.ts). Included whether or not export is on: the prebuilt bundle is
 * made before any config is read, and a worker must run the same workflow code whether it
 * loads that bundle or bundles at start; with export off the worker drops their spans.
 */
export function workflowInterceptorModules(): string[] {
  return [join(projectRoot(), 'workflows', 'src', 'interceptors.ts')];
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

/** Everything `bundleWorkflowCode` needs to produce the code workers run (the build, tests and replay use it). */
export function workflowBundleOptions(): Pick<BundleOptions, 'workflowsPath' | 'workflowInterceptorModules' | 'webpackConfigHook'> {
  const source = workflowSourceOptions();
  return {
    workflowsPath: source.workflowsPath as string,
    workflowInterceptorModules: workflowInterceptorModules(),
    ...(source.bundlerOptions?.webpackConfigHook ? { webpackConfigHook: source.bundlerOptions.webpackConfigHook } : {}),
  };
}

/** A prebuilt bundle when one exists (fast start), else bundling from source at start-up with the interceptor modules. */
export function workflowCodeOptions(options: { preferPrebuilt: boolean }): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions' | 'interceptors'> {
  const bundle = prebuiltBundlePath();
  // A bundle's interceptor modules are compiled into it; the worker warns about any passed beside it.
  if (options.preferPrebuilt && existsSync(bundle)) return { workflowBundle: { codePath: bundle } };
  return { ...workflowSourceOptions(), interceptors: { workflowModules: workflowInterceptorModules() } };
}
