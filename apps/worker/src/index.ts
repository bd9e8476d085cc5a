export { createChatWorker, routeTableFor, type ChatWorkerOptions } from './create-worker.js';
export { ensureSearchAttributes } from './ensure-search-attributes.js';
export { prebuiltBundlePath, workflowCodeOptions, workflowSourceOptions } from './workflow-bundle.js';
