export { projectRoot } from './project-root.js';
export { freePort } from './free-port.js';
